import { ConflictException } from '@nestjs/common';
import { PLATFORM } from '../accounts/accounts.service';
import type { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { Clock } from '../common/clock';
import { BadInputException, forbidden, notFound, type FieldError } from '../common/errors';
import type { SopCatalog } from '../sops/sop-catalog.service';
import { DuplicateTitleError, type ReplyTemplateRow, type ReplyTemplatesRepository } from './reply-templates.repository';

/** The longest title of a template. */
export const TEMPLATE_TITLE_MAX = 120;
/** The longest body: the most a reply to the complainant may hold. */
export const TEMPLATE_BODY_MAX = 2000;

export interface TemplateInput {
  title: string;
  body: string;
}

export function replyTemplateView(t: ReplyTemplateRow) {
  return {
    id: t.id,
    regency: t.regency,
    title: t.title,
    body: t.body,
    createdBy: t.created_by,
    updatedBy: t.updated_by,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

/**
 * What is wrong with a text field: empty or too long. (A NUL character or a lone surrogate never
 * reaches here: every request is refused for those first, `common/hostile-input.ts`.)
 */
function textErrors(field: 'title' | 'body', value: unknown, max: number): FieldError[] {
  const named = field === 'title' ? 'judul templat' : 'isi templat';
  if (typeof value !== 'string') return [{ field, message: `${field} is required: write it as text`, messageId: `${named} wajib diisi sebagai teks` }];
  const text = value.trim();
  if (!text) return [{ field, message: `${field} is required: it is empty`, messageId: `${named} wajib diisi: masih kosong` }];
  if (text.length > max)
    return [
      {
        field,
        message: `${field} is at most ${max} characters (it has ${text.length})`,
        messageId: `${named} paling panjang ${max} karakter (tertulis ${text.length})`,
      },
    ];
  return [];
}

/**
 * The office's own reply templates (issue 11), beside the SOP's own `templates`: every officer of a
 * regency reads them (the reply picker of the case page); the regency's administrators and SOP
 * authors, and the platform administrator, write them; every change is in the audit log.
 */
export class ReplyTemplatesService {
  constructor(
    private readonly repository: ReplyTemplatesRepository,
    private readonly catalog: SopCatalog,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async regencyExists(regency: string): Promise<void> {
    if (!(await this.catalog.latest(regency))) throw notFound(`no published SOP "${regency}"`, `tidak ada SOP "${regency}" yang terbit`);
  }

  private canRead(user: Principal, regency: string): boolean {
    return user.regency === regency || (user.regency === PLATFORM && user.permissions.includes('admin'));
  }

  private canWrite(user: Principal, regency: string): boolean {
    if (user.regency === PLATFORM) return user.permissions.includes('admin');
    return user.regency === regency && (user.permissions.includes('admin') || user.permissions.includes('author'));
  }

  private assertWrite(user: Principal, regency: string): void {
    if (this.canWrite(user, regency)) return;
    if (user.regency === regency)
      throw forbidden(
        `managing the reply templates of ${regency} needs its administrator or SOP author; you are ${user.username}`,
        `templat balasan ${regency} dikelola oleh administrator atau penyusun SOP-nya; akun Anda ${user.username}`,
      );
    throw forbidden(`you work for ${user.regency}, not ${regency}`, `Anda bekerja untuk ${user.regency}, bukan ${regency}`);
  }

  private checked(input: TemplateInput): TemplateInput {
    const errors = [...textErrors('title', input.title, TEMPLATE_TITLE_MAX), ...textErrors('body', input.body, TEMPLATE_BODY_MAX)];
    if (errors.length) throw new BadInputException('the template is not valid: nothing was saved', errors);
    return { title: input.title.trim().replace(/\s+/g, ' '), body: input.body.trim() };
  }

  private duplicate(regency: string, title: string): ConflictException {
    return new ConflictException({
      statusCode: 409,
      error: 'Conflict',
      code: 'reply-template.duplicate-title',
      message: `${regency} already has a template titled "${title}": choose another title or edit that one`,
      messageId: `${regency} sudah memiliki templat berjudul "${title}": pilih judul lain atau ubah templat itu`,
    });
  }

  private async template(regency: string, id: string): Promise<ReplyTemplateRow> {
    const row = await this.repository.byId(id);
    if (!row || row.regency !== regency) throw notFound(`no reply template ${id} in ${regency}`, `templat balasan ${id} tidak ditemukan di ${regency}`);
    return row;
  }

  async list(user: Principal, regency: string) {
    if (!this.canRead(user, regency)) throw forbidden(`you work for ${user.regency}, not ${regency}`, `Anda bekerja untuk ${user.regency}, bukan ${regency}`);
    await this.regencyExists(regency);
    return { items: (await this.repository.list(regency)).map(replyTemplateView), canEdit: this.canWrite(user, regency) };
  }

  async create(user: Principal, regency: string, input: TemplateInput) {
    this.assertWrite(user, regency);
    await this.regencyExists(regency);
    const t = this.checked(input);
    try {
      const row = await this.repository.create({ regency, ...t, by: user.username, now: this.clock.now() });
      await this.audit.record(user, 'template.create', regency, row.id, { title: row.title });
      return replyTemplateView(row);
    } catch (e) {
      if (e instanceof DuplicateTitleError) throw this.duplicate(regency, t.title);
      throw e;
    }
  }

  async update(user: Principal, regency: string, id: string, input: TemplateInput) {
    this.assertWrite(user, regency);
    await this.template(regency, id);
    const t = this.checked(input);
    try {
      const row = await this.repository.update(id, { ...t, by: user.username, now: this.clock.now() });
      if (!row) throw notFound(`no reply template ${id} in ${regency}`, `templat balasan ${id} tidak ditemukan di ${regency}`);
      await this.audit.record(user, 'template.update', regency, row.id, { title: row.title });
      return replyTemplateView(row);
    } catch (e) {
      if (e instanceof DuplicateTitleError) throw this.duplicate(regency, t.title);
      throw e;
    }
  }

  async delete(user: Principal, regency: string, id: string): Promise<void> {
    this.assertWrite(user, regency);
    const row = await this.template(regency, id);
    if (!(await this.repository.delete(row.id))) throw notFound(`no reply template ${id} in ${regency}`, `templat balasan ${id} tidak ditemukan di ${regency}`);
    await this.audit.record(user, 'template.delete', regency, row.id, { title: row.title });
  }
}
