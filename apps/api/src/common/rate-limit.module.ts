import type { IncomingMessage } from 'node:http';
import { Inject, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { LoginThrottle } from '../auth/login-throttle';
import type { RateLimits } from '../config';
import { clientLimit } from './rate-limit';

const LIMITS = Symbol('RATE_LIMITS');
const FILED_RETRY = Symbol('FILED_RETRY');

/**
 * The per-address limits of the routes that anyone can call (README "Rate limits"), as middleware in
 * front of them; and the login throttle, exported for the administrators' API (lift a lockout).
 */
@Module({})
export class RateLimitModule implements NestModule {
  /**
   * `isFiledRetry`: whether a filing request retries one already filed (its Idempotency-Key is known):
   * such a retry files nothing and answers the first ticket again, so the complaint limit neither
   * counts nor refuses it (a citizen on a busy shared network gets their lost answer back).
   */
  static create(deps: { limits: RateLimits; throttle: LoginThrottle; isFiledRetry?: (req: IncomingMessage) => Promise<boolean> }): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [
        { provide: LIMITS, useValue: deps.limits },
        { provide: FILED_RETRY, useValue: deps.isFiledRetry ?? null },
        { provide: LoginThrottle, useValue: deps.throttle },
      ],
      exports: [LoginThrottle],
    };
  }

  constructor(
    @Inject(LIMITS) private readonly limits: RateLimits,
    @Inject(FILED_RETRY) private readonly isFiledRetry: ((req: IncomingMessage) => Promise<boolean>) | null,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    const { loginPerIp, ticketLookups, ticketMisses, complaints, attachments } = this.limits;
    consumer
      .apply(
        clientLimit({
          window: loginPerIp,
          count: 'refused',
          message: (wait) => `too many failed log-ins from your address: try again in ${wait}`,
          messageId: (wait) => `terlalu banyak login gagal dari alamat Anda: coba lagi dalam ${wait}`,
        }),
      )
      .forRoutes({ path: 'api/auth/login', method: RequestMethod.POST });
    consumer
      .apply(
        clientLimit({
          window: ticketLookups,
          count: 'all',
          message: (wait) => `too many ticket look-ups from your address: try again in ${wait}`,
          messageId: (wait) => `terlalu banyak pencarian tiket dari alamat Anda: coba lagi dalam ${wait}`,
        }),
        // guessing tickets is almost only misses: a citizen mistypes a few times, a guesser thousands
        clientLimit({
          window: ticketMisses,
          count: 'refused',
          message: (wait) => `too many ticket numbers from your address matched no complaint: check the number on your receipt and try again in ${wait}`,
          messageId: (wait) =>
            `terlalu banyak nomor tiket dari alamat Anda yang tidak ditemukan: periksa nomor pada bukti pengaduan dan coba lagi dalam ${wait}`,
        }),
      )
      .forRoutes({ path: 'api/public/complaints/:ticket', method: RequestMethod.GET });
    consumer
      .apply(
        clientLimit({
          window: ticketLookups,
          count: 'all',
          message: (wait) => `too many answers sent from your address: try again in ${wait}`,
          messageId: (wait) => `terlalu banyak jawaban dikirim dari alamat Anda: coba lagi dalam ${wait}`,
        }),
        // a wrong access code is refused: guessing codes is almost only refusals
        clientLimit({
          window: ticketMisses,
          count: 'refused',
          message: (wait) =>
            `too many answers from your address were refused (wrong ticket or access code): check both on your receipt and try again in ${wait}`,
          messageId: (wait) =>
            `terlalu banyak jawaban dari alamat Anda ditolak (nomor tiket atau kode akses salah): periksa keduanya pada bukti pengaduan dan coba lagi dalam ${wait}`,
        }),
      )
      .forRoutes({ path: 'api/public/complaints/:ticket/events', method: RequestMethod.POST });
    consumer
      .apply(
        clientLimit({
          window: complaints,
          count: 'accepted',
          message: (wait) => `too many complaints were filed from your address: try again in ${wait}, or file it at the office`,
          messageId: (wait) => `terlalu banyak pengaduan dikirim dari alamat Anda: coba lagi dalam ${wait}, atau sampaikan langsung ke kantor`,
          ...(this.isFiledRetry ? { skip: this.isFiledRetry } : {}),
        }),
      )
      .forRoutes({ path: 'api/public/complaints', method: RequestMethod.POST });
    // every upload counts, refused ones too: each costs the bytes sent (docs/adr/0013-attachments.md)
    consumer
      .apply(
        clientLimit({
          window: attachments,
          count: 'all',
          message: (wait) => `too many files were uploaded from your address: try again in ${wait}, or bring the documents to the office`,
          messageId: (wait) => `terlalu banyak berkas diunggah dari alamat Anda: coba lagi dalam ${wait}, atau bawa dokumennya langsung ke kantor`,
        }),
      )
      .forRoutes(
        { path: 'api/public/attachments', method: RequestMethod.POST },
        { path: 'api/public/complaints/:ticket/attachments', method: RequestMethod.POST },
      );
    // a complainant's file at their step needs the access code: guessing codes is almost only refusals
    consumer
      .apply(
        clientLimit({
          window: ticketMisses,
          count: 'denied',
          message: (wait) =>
            `too many uploads from your address were refused (wrong ticket or access code): check both on your receipt and try again in ${wait}`,
          messageId: (wait) =>
            `terlalu banyak unggahan dari alamat Anda ditolak (nomor tiket atau kode akses salah): periksa keduanya pada bukti pengaduan dan coba lagi dalam ${wait}`,
        }),
      )
      .forRoutes({ path: 'api/public/complaints/:ticket/attachments', method: RequestMethod.POST });
  }
}
