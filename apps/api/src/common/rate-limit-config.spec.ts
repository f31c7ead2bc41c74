import { ConfigError, readConfig } from '../config';

const SECRET = { AUTH_SECRET: 'x'.repeat(40) };
const limitsOf = (env: Record<string, string>) => readConfig({ ...SECRET, ...env }, '/tmp').limits;

describe('rate limit settings', () => {
  it('have defaults for a real office: 20 failed log-ins per address in 15 min, lock after 5 for 1 min doubling up to 1 h, 60 look-ups a minute, 30 misses an hour, 30 complaints and 60 uploads an hour, 32 log-ins and 16 publications waiting for their checks', () => {
    expect(limitsOf({})).toEqual({
      loginPerIp: { limit: 20, windowSeconds: 900 },
      lockout: { after: 5, baseSeconds: 60, maxSeconds: 3600 },
      ticketLookups: { limit: 60, windowSeconds: 60 },
      ticketMisses: { limit: 30, windowSeconds: 3600 },
      complaints: { limit: 30, windowSeconds: 3600 },
      attachments: { limit: 60, windowSeconds: 3600 },
      passwordWorkers: 1,
      passwordQueue: 32,
      sopCheckQueue: 16,
    });
    expect(readConfig(SECRET, '/tmp').trustProxy).toBe(false);
  });

  it('are read from the environment with the same checks as every number', () => {
    const limits = limitsOf({
      LOGIN_IP_LIMIT: '100',
      LOGIN_IP_WINDOW_SECONDS: '60',
      LOGIN_LOCKOUT_AFTER: '10',
      LOGIN_LOCKOUT_SECONDS: '30',
      LOGIN_LOCKOUT_MAX_SECONDS: '600',
      COMPLAINT_IP_LIMIT: '200',
      PASSWORD_WORKERS: '2',
      SOP_CHECK_QUEUE: '0',
    });
    expect(limits).toMatchObject({
      loginPerIp: { limit: 100, windowSeconds: 60 },
      lockout: { after: 10, baseSeconds: 30, maxSeconds: 600 },
      complaints: { limit: 200, windowSeconds: 3600 },
      passwordWorkers: 2,
      sopCheckQueue: 0,
    });
    expect(() => limitsOf({ SOP_CHECK_QUEUE: '1001' })).toThrow(/SOP_CHECK_QUEUE="1001" is not valid/);
    expect(() => limitsOf({ COMPLAINT_IP_LIMIT: '0' })).toThrow(new ConfigError('COMPLAINT_IP_LIMIT="0" is not valid: write a whole number from 1 to 1000000'));
    expect(() => limitsOf({ TICKET_MISS_LIMIT: '1e3' })).toThrow(ConfigError);
    expect(() => limitsOf({ LOGIN_LOCKOUT_SECONDS: '600', LOGIN_LOCKOUT_MAX_SECONDS: '60' })).toThrow(/must not be shorter/);
  });

  it('TRUST_PROXY: off by default; a number of proxies, named ranges and subnets, or true', () => {
    const trust = (value: string) => readConfig({ ...SECRET, TRUST_PROXY: value }, '/tmp').trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('1')).toBe(1);
    expect(trust('loopback, 10.0.0.0/8,fd00::/8')).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    expect(() => trust('yes')).toThrow(/TRUST_PROXY="yes" is not valid/);
    expect(() => trust('11')).toThrow(ConfigError);
  });
});
