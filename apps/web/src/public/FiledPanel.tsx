import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { CheckIcon } from './icons';
import type { FiledComplaint } from './public-api';

/** The answer to a filed complaint: the ticket number, big, to copy and to follow. */
export function FiledPanel({ filed, onAnother }: { filed: FiledComplaint; onAnother: () => void }) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const heading = useRef<HTMLHeadingElement>(null);
  const number = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const copyTicket = async () => {
    try {
      await navigator.clipboard.writeText(filed.ticket);
      setCopy('copied');
    } catch {
      // no clipboard (an insecure page, a refused permission): select the number for a long press
      const range = document.createRange();
      if (number.current) {
        range.selectNodeContents(number.current);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
      setCopy('failed');
    }
  };

  return (
    <section className="card pub-filed" data-testid="file-success" aria-labelledby="pub-filed-title">
      <div className="pub-filed-head">
        <CheckIcon />
        <h2 id="pub-filed-title" ref={heading} tabIndex={-1}>
          {t('publicSuccessTitle')}
        </h2>
      </div>
      <p>{t('publicSuccessLead')}</p>
      <span className="pub-ticket-label">{t('publicTicketLabel')}</span>
      <p className="pub-ticket" ref={number} data-testid="ticket-number">
        {filed.ticket}
      </p>
      <div className="pub-actions">
        <button type="button" className="button pub-button" onClick={() => void copyTicket()} data-testid="ticket-copy">
          {t('publicCopy')}
        </button>
        <Link href={`/tiket/${filed.ticket}`} className="button button-primary pub-button" data-testid="ticket-link">
          {t('publicFollow')} →
        </Link>
      </div>
      <p className={`pub-hint pub-copy-${copy}`} role="status" data-testid="ticket-copy-status">
        {copy === 'copied' ? t('publicCopied') : copy === 'failed' ? t('publicCopyFailed') : ''}
      </p>
      <div className="pub-access" data-testid="access-code-block">
        <span className="pub-ticket-label">{t('publicAccessCodeLabel')}</span>
        <p className="pub-access-code" data-testid="access-code">
          {filed.accessCode}
        </p>
        <p className="pub-hint">{t('publicAccessCodeLead')}</p>
      </div>
      <p className="pub-hint">{t('publicRemembered')}</p>
      <button type="button" className="linklike" onClick={onAnother} data-testid="file-another">
        {t('publicFileAnother')}
      </button>
    </section>
  );
}
