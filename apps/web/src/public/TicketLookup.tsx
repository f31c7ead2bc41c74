import { useState, type SubmitEvent } from 'react';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { savedTickets } from './saved-tickets';
import { readTicketInput } from './ticket-input';

/** A small box to look up another ticket, with the tickets filed on this device. */
export function TicketLookup({ current }: { current: string }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problem, setError] = useState<'publicLookupEmpty' | 'publicLookupBad' | null>(null);
  const error = problem === null ? null : t(problem);
  const [saved] = useState(() => savedTickets().filter((s) => s.ticket !== current));

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const read = readTicketInput(text);
    if (!read.ok) {
      setError(read.reason === 'empty' ? 'publicLookupEmpty' : 'publicLookupBad');
      return;
    }
    setError(null);
    setText('');
    navigate(`/tiket/${read.ticket}`);
  };

  return (
    <section className="card pub-lookup" data-testid="ticket-lookup">
      <h2 className="pub-card-title">{t('publicLookupTitle')}</h2>
      <form className="pub-lookup-form" onSubmit={submit} noValidate>
        <label className="pub-sr-only" htmlFor="pub-lookup-input">
          {t('publicLookupLabel')}
        </label>
        <input
          id="pub-lookup-input"
          className="pub-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="BUL-7K4Q9P"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          aria-invalid={error !== null}
          aria-describedby={error ? 'pub-lookup-error' : undefined}
          data-testid="ticket-lookup-input"
        />
        <button type="submit" className="button button-primary pub-button" data-testid="ticket-lookup-submit">
          {t('publicLookupButton')}
        </button>
      </form>
      {error && (
        <p className="pub-error" id="pub-lookup-error" role="alert">
          {error}
        </p>
      )}
      {saved.length > 0 && (
        <div className="pub-saved" data-testid="saved-tickets">
          <span className="pub-hint">{t('publicLastTickets')}</span>
          <ul>
            {saved.map((s) => (
              <li key={s.ticket}>
                <Link href={`/tiket/${s.ticket}`} className="pub-ticket-chip">
                  {s.ticket}
                </Link>{' '}
                <span className="pub-hint">{s.regency}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
