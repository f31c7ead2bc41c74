import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AUTHOR } from '@sop/api-contract';
import {
  CommandError,
  CommandStack,
  applyYamlText,
  describeEffect,
  parseForEdit,
  stepAdd,
  stepChangeLane,
  stepDelete,
  stepMove,
  transitionConnect,
  type EditResult,
  type EditorIssue,
  type SopCommand,
} from '@sop/editor';
import { flowsOf, issueMessage, issuePath, type SopDocument, type Step } from '@sop/model';
import { layoutSwimlanes, type SwimlaneLayout } from '@sop/swimlane-layout';
import { fetchSop, type SopDetail } from '../api';
import { Notice } from '../components/Shell';
import { diagramHeaders } from '../diagram/diagram-headers';
import { SwimlaneDiagram } from '../diagram/SwimlaneDiagram';
import { AddStepDialog, DeleteStepDialog, OutcomeDialog } from '../editor/Dialogs';
import { EditableDiagram, type StepMark } from '../editor/EditableDiagram';
import { LanesPanel } from '../editor/LanesPanel';
import { PropertiesPanel } from '../editor/PropertiesPanel';
import { SopProperties } from '../editor/SopProperties';
import { incoming, stepName } from '../editor/step-names';
import { SaveDialog } from '../editor/SaveDialog';
import { YamlPane, type YamlPaneHandle } from '../yaml-pane/YamlPane';
import '../editor/editor.css';
import { downloadText } from '../export-diagram';
import { useI18n } from '../i18n';
import { forgetNewSopDraft, readNewSopDraft, type NewSopDraft } from '../new-sop/new-sop-draft';
import { Link } from '../router';
import { useSession, type SessionUser } from '../session';
import { useFetch } from '../use-fetch';

const draftKey = (id: string) => `sop.draft.${id}`;
const YAML_DEBOUNCE_MS = 300;
/** How long the note on what a command also did stays up. */
const EFFECT_NOTE_MS = 12_000;

interface Draft {
  yaml: string;
  version: number;
}

function readDraft(id: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(id));
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.yaml === 'string' ? draft : null;
  } catch {
    return null;
  }
}

/** The document as far as it can be read (an invalid SOP is still drawn), or null. */
function readDocument(yaml: string): SopDocument | null {
  try {
    const js: unknown = parseForEdit({ yaml }).sop.doc.toJS({ maxAliasCount: 100 });
    const o = js as { steps?: unknown; lanes?: unknown } | null;
    return o && Array.isArray(o.steps) && Array.isArray(o.lanes) ? (js as SopDocument) : null;
  } catch {
    return null;
  }
}

/** A new SOP not yet published, as the editor opens it: version 0, the starting YAML kept in this browser. */
function draftDetail(id: string, draft: NewSopDraft): SopDetail {
  const doc = readDocument(draft.yaml);
  return {
    id,
    version: 0,
    title: doc?.identity?.title ?? id,
    regency: draft.regency,
    timeZone: doc?.calendar?.timeZone ?? '',
    publishedAt: '',
    lanes: doc?.lanes.length ?? 0,
    steps: doc?.steps.length ?? 0,
    yaml: draft.yaml,
    sop: doc as SopDocument,
    inspection: null as unknown as SopDetail['inspection'],
    changeNote: null,
    publishedBy: null,
  };
}

export function EditSopPage({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useFetch(`sop:${id}:edit`, (signal) => fetchSop(id, signal));
  // not published: a new SOP started at /sops/baru in this browser (docs/adr/0012-new-regency-from-the-browser.md)
  const fresh = useMemo(() => (detail.state === 'error' && detail.status === 404 ? readNewSopDraft(id) : null), [detail, id]);
  // signed in as someone who may not publish this SOP: the SOP read-only, with why, not an editor that fails at publish
  const { session } = useSession();
  // (a login kept by the save dialog alone carries no regency: the editor, whose publishing the API checks)
  const readOnly = session && session.user.regency !== '' && !mayPublish(session.user, id) ? session.user : null;
  return (
    <div className="page page-wide">
      <Link href={fresh ? '/sops' : `/sops/${id}`} className="back">
        {fresh ? t('backToList') : t('editBack')}
      </Link>
      {detail.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {detail.state === 'error' && !fresh && (
        <Notice kind="error">{detail.status === 404 ? t('newSopNotFound', { id }) : t('loadFailed', { message: detail.message })}</Notice>
      )}
      {detail.state === 'ready' && (readOnly ? <ReadOnlySop detail={detail.value} user={readOnly} /> : <SopEditor detail={detail.value} />)}
      {fresh && <SopEditor detail={draftDetail(id, fresh)} />}
    </div>
  );
}

/** Whether a user may publish a new version of an SOP (the API's rule, sops.controller.ts: its regency's authors). */
export function mayPublish(user: SessionUser, sopId: string): boolean {
  return user.permissions.includes(AUTHOR) && (user.regency === sopId || user.regency === '*');
}

/** A published SOP shown to a signed-in user who may not publish it: the drawing, why it is read-only, and their own SOP. */
function ReadOnlySop({ detail, user }: { detail: SopDetail; user: SessionUser }) {
  const { t, lang } = useI18n();
  const flows = useMemo(() => flowsOf(detail.sop), [detail.sop]);
  const [flowId, setFlowId] = useState('main');
  const flow = flows.find((f) => f.id === flowId) ?? flows[0];
  const layout = useMemo(() => layoutSwimlanes(detail.sop, { flow: flow.id, showMutuBaku: true }), [detail.sop, flow.id]);
  const headers = useMemo(() => diagramHeaders(t), [t]);
  const ownAuthor = user.permissions.includes(AUTHOR) && user.regency !== '' && user.regency !== '*';
  return (
    <article className="editor" data-testid="edit-read-only" data-sop-id={detail.id} lang={lang}>
      <header className="sop-head">
        <h1 data-testid="edit-title">{detail.title}</h1>
        <p className="sop-meta">
          <span className="badge">{t('sopVersion', { n: detail.version })}</span>
          <span className="badge">{t('editReadOnlyBadge')}</span>
        </p>
      </header>
      <div className="notice" role="status" data-testid="read-only-reason">
        <p>
          {ownAuthor
            ? t('editReadOnlyOtherRegency', { user: user.username, regency: detail.regency })
            : t('editReadOnlyNotAuthor', { user: user.username, regency: detail.regency })}
        </p>
        <p className="toolbar">
          {ownAuthor && (
            <Link href={`/sops/${encodeURIComponent(user.regency)}/ubah`} className="button button-primary" data-testid="own-sop-link">
              {t('editReadOnlyOwn')}
            </Link>
          )}
          <Link href={`/sops/${encodeURIComponent(detail.id)}`} className="button" data-testid="view-sop-link">
            {t('editReadOnlyView')}
          </Link>
        </p>
      </div>
      {flows.length > 1 && (
        <div className="tabs" role="tablist">
          {flows.map((f) => (
            <button key={f.id} type="button" role="tab" aria-selected={f.id === flow.id} onClick={() => setFlowId(f.id)}>
              {f.id === 'main' ? t('flowMain') : f.id}
            </button>
          ))}
        </div>
      )}
      <div className="diagram" data-testid="diagram" data-flow={flow.id}>
        <SwimlaneDiagram layout={layout} steps={flow.steps} headers={headers} readOnly />
      </div>
    </article>
  );
}

interface Snapshot {
  yaml: string;
  issues: readonly EditorIssue[];
  valid: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const NO_ISSUES: readonly EditorIssue[] = [];
const snapshotOf = (stack: CommandStack): Snapshot => ({
  yaml: stack.state.yaml,
  issues: stack.issues,
  valid: stack.valid,
  canUndo: stack.canUndo,
  canRedo: stack.canRedo,
});

function SopEditor({ detail }: { detail: SopDetail }) {
  const { t, lang } = useI18n();
  const id = detail.id;
  const [base, setBase] = useState<{ yaml: string; version: number }>({ yaml: detail.yaml, version: detail.version });
  const stackRef = useRef<CommandStack | null>(null);
  if (!stackRef.current) stackRef.current = new CommandStack(readDraft(id)?.yaml ?? detail.yaml, { file: `sops/${id}.yaml` });
  const stack = stackRef.current;
  const [snap, setSnap] = useState<Snapshot>(() => snapshotOf(stack));
  useEffect(() => stack.subscribe(() => setSnap(snapshotOf(stack))), [stack]);

  // the YAML pane: its text is applied after a pause in typing, as one undoable edit
  const [text, setText] = useState(snap.yaml);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const textRef = useRef(text);
  textRef.current = text;
  const flush = useCallback(() => {
    if (!pending.current) return;
    clearTimeout(pending.current);
    pending.current = null;
    applyYamlText(stack, textRef.current);
  }, [stack]);
  useEffect(() => {
    if (!pending.current) setText(snap.yaml);
  }, [snap.yaml]);
  useEffect(() => () => flush(), [flush]);
  const onText = (value: string) => {
    setText(value);
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = null;
      applyYamlText(stack, textRef.current);
    }, YAML_DEBOUNCE_MS);
  };

  // the draft follows every change
  useEffect(() => {
    try {
      if (snap.yaml === base.yaml) localStorage.removeItem(draftKey(id));
      else localStorage.setItem(draftKey(id), JSON.stringify({ yaml: snap.yaml, version: base.version } satisfies Draft));
    } catch {
      /* storage full or unavailable: the draft lasts for this page */
    }
  }, [snap.yaml, base, id]);

  const [commandError, setCommandError] = useState<string | null>(null);
  // what a command did beyond what was asked (the arrows a deleted step took with it…)
  const [effectNote, setEffectNote] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const run = useCallback(
    (command: SopCommand): EditResult | undefined => {
      flush();
      try {
        const result = stack.execute(command);
        setCommandError(null);
        const created = result.effects.find((e) => e.type === 'step.created');
        if (created?.type === 'step.created') setSelected(created.stepId);
        // a rename's references follow by definition; what went or moved with a deletion is worth saying
        const told = result.effects.filter((e) => e.type === 'transition.removed' || e.type === 'transition.retargeted' || e.type === 'reference.removed');
        setEffectNote(told.length ? `${command.describe(lang)}: ${told.map((e) => describeEffect(e, lang)).join('; ')}` : null);
        return result;
      } catch (e) {
        if (e instanceof CommandError) setCommandError(e.messageIn(lang));
        else throw e;
        return undefined;
      }
    },
    [flush, stack, lang],
  );
  const undo = useCallback(() => {
    flush();
    stack.undo();
    setCommandError(null);
    setEffectNote(null);
  }, [flush, stack]);
  const redo = useCallback(() => {
    flush();
    stack.redo();
    setCommandError(null);
    setEffectNote(null);
  }, [flush, stack]);
  useEffect(() => {
    if (!effectNote) return;
    const timer = setTimeout(() => setEffectNote(null), EFFECT_NOTE_MS);
    return () => clearTimeout(timer);
  }, [effectNote]);
  const [deleting, setDeleting] = useState(false);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inField = !!target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.isContentEditable);
      if (e.key === 'Delete' && !inField && selected && !document.querySelector('.edit-backdrop')) {
        e.preventDefault();
        setDeleting(true);
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      if (inField) return; // the field's own undo
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, selected]);

  // the diagram follows the text as far as it can be read
  const doc = useMemo(() => readDocument(snap.yaml), [snap.yaml]);
  const lastDoc = useRef<SopDocument | null>(null);
  if (doc) lastDoc.current = doc;
  const shown = doc ?? lastDoc.current;
  const [flowId, setFlowId] = useState('main');
  const [showMutuBaku, setShowMutuBaku] = useState(true);
  const flows = useMemo(() => {
    try {
      return shown ? flowsOf(shown) : [];
    } catch {
      return [];
    }
  }, [shown]);
  const flow = flows.find((f) => f.id === flowId) ?? flows[0];
  const lastLayout = useRef<SwimlaneLayout | null>(null);
  const layout = useMemo(() => {
    if (!shown || !flow) return lastLayout.current;
    try {
      return (lastLayout.current = layoutSwimlanes(shown, { flow: flow.id, showMutuBaku }));
    } catch {
      return lastLayout.current;
    }
  }, [shown, flow, showMutuBaku]);
  const headers = useMemo(() => diagramHeaders(t), [t]);

  // the issues in the page's language, by code (docs/adr/0024-issue-messages-by-code.md)
  const issues = useMemo(() => snap.issues.map((issue) => ({ ...issue, message: issueMessage(issue, lang) })), [snap.issues, lang]);
  const marks = useMemo(() => {
    const m = new Map<string, StepMark>();
    for (const issue of issues) {
      const el = issue.element;
      const stepId = el.type === 'step' ? el.stepId : el.type === 'transition' ? el.from : null;
      if (!stepId || (issue.severity !== 'error' && issue.severity !== 'warning')) continue;
      const had = m.get(stepId);
      if (!had || (had.severity === 'warning' && issue.severity === 'error')) m.set(stepId, { severity: issue.severity, message: issue.message });
    }
    return m;
  }, [issues]);

  const allSteps: Step[] = useMemo(() => flows.flatMap((f) => f.steps), [flows]);
  const selectedStep = allSteps.find((s) => s.id === selected);
  const selectedFlow = selectedStep ? flows.find((f) => f.steps.some((s) => s.id === selectedStep.id)) : undefined;
  const selectedIndex = selectedFlow && selectedStep ? selectedFlow.steps.findIndex((s) => s.id === selectedStep.id) : -1;
  const lanes = useMemo(() => (shown?.lanes ?? []).filter((l) => l && typeof l.id === 'string'), [shown]);
  const laneChoices = useMemo(() => lanes.map((l) => ({ id: l.id, name: String(l.name ?? l.id), role: l.role })), [lanes]);
  // the form's choice fields: a decision may be routed by one, a lane's units picked by one (ADR 0014)
  const choiceFields = useMemo(() => (shown?.intake?.form?.fields ?? []).filter((f) => f && f.type === 'choice' && typeof f.id === 'string'), [shown]);
  const templates = useMemo(() => (shown?.templates ?? []).map((tp) => ({ id: tp.id, name: tp.name })), [shown]);
  const stepCount = useMemo(() => {
    const m = new Map<string, number>();
    for (const s of allSteps) m.set(s.lane, (m.get(s.lane) ?? 0) + 1);
    return m;
  }, [allSteps]);
  const moveSelected = (by: number) => {
    if (selectedStep && selectedIndex >= 0) run(stepMove({ stepId: selectedStep.id, toIndex: selectedIndex + by }));
  };
  const pane = useRef<YamlPaneHandle>(null);
  const selectIssue = (issue: EditorIssue) => {
    // the pane selects and scrolls to the issue's line
    if (issue.line > 0) pane.current?.reveal(issue.line, issue.column);
    const el = issue.element;
    const stepId = el.type === 'step' ? el.stepId : el.type === 'transition' ? el.from : null;
    if (!stepId) return;
    const owner = flows.find((f) => f.steps.some((s) => s.id === stepId));
    if (owner) setFlowId(owner.id);
    setSelected(stepId);
  };

  const [asking, setAsking] = useState<{ from: string; to: string } | null>(null);
  const connect = (from: string, to: string) => {
    const step = allSteps.find((s) => s.id === from);
    if (step?.kind === 'decision') setAsking({ from, to });
    else run(transitionConnect({ from, to }));
  };

  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // the first publication of a new regency: its accounts come next
  const [joined, setJoined] = useState<{ regency: string; version: number } | null>(null);
  const discard = () => {
    flush();
    stack.reset(base.yaml);
    setCommandError(null);
  };
  const dirty = snap.yaml !== base.yaml;
  const undoWhat = stack.undoDescription(lang);
  const redoWhat = stack.redoDescription(lang);
  const title = shown?.identity?.title ?? detail.title;

  return (
    <article className="editor" data-testid="edit-page" data-sop-id={id} data-version={base.version} lang={lang}>
      <header className="sop-head">
        <h1 data-testid="edit-title">{t('editTitle', { title })}</h1>
        <p className="sop-meta">
          <span className="badge" data-testid="edit-version">
            {base.version === 0 ? t('newSopDraftBadge') : t('sopVersion', { n: base.version })}
          </span>
          <span data-testid="draft-state">
            {base.version === 0 ? t('newSopDraftNote') : dirty ? t('editDraftKept', { n: base.version }) : t('editNoDraft')}
          </span>
        </p>
      </header>
      <div className="toolbar edit-toolbar">
        <button
          type="button"
          className="button"
          data-testid="undo"
          disabled={!snap.canUndo}
          title={t('editUndoTip', { what: undoWhat ?? t('editNothing') })}
          onClick={undo}
        >
          ↶ {t('editUndo')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="redo"
          disabled={!snap.canRedo}
          title={t('editRedoTip', { what: redoWhat ?? t('editNothing') })}
          onClick={redo}
        >
          ↷ {t('editRedo')}
        </button>
        <label className="switch">
          <input type="checkbox" checked={showMutuBaku} onChange={(e) => setShowMutuBaku(e.target.checked)} />
          <span className="switch-track" aria-hidden="true" />
          <span>{t('showMutuBaku')}</span>
        </label>
        <span className="edit-spacer" />
        <button type="button" className="button" data-testid="discard-draft" disabled={!dirty} onClick={discard}>
          {t('editDiscard')}
        </button>
        <button type="button" className="button" data-testid="download-yaml" onClick={() => downloadText(`${id}.yaml`, snap.yaml, 'application/yaml')}>
          {t('editDownload')}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="save"
          onClick={() => {
            flush();
            setSaved(null);
            setSaving(true);
          }}
        >
          {t('editSave')}
        </button>
      </div>
      {saved && (
        <div className="notice notice-success" role="status" data-testid="save-result">
          {saved}
        </div>
      )}
      {joined && (
        <div className="notice notice-success" role="status" data-testid="new-sop-published">
          {t('newSopPublished', { regency: joined.regency, n: joined.version })}{' '}
          <Link href={`/admin/pengguna?regency=${encodeURIComponent(id)}`} className="button button-primary" data-testid="new-sop-make-accounts">
            {t('newSopMakeAccounts', { regency: joined.regency })}
          </Link>
        </div>
      )}
      {!doc && (
        <div className="notice notice-error" data-testid="unreadable">
          {t('editUnreadable')}
        </div>
      )}
      {flows.length > 1 && (
        <div className="tabs" role="tablist">
          {flows.map((f) => (
            <button key={f.id} type="button" role="tab" aria-selected={f.id === flow?.id} data-testid={`flow-tab-${f.id}`} onClick={() => setFlowId(f.id)}>
              {f.id === 'main' ? t('flowMain') : f.id}
            </button>
          ))}
        </div>
      )}
      <div className="edit-grid">
        <div className="edit-main">
          <div className="toolbar edit-step-toolbar" data-testid="step-toolbar">
            <button type="button" className="button" data-testid="add-step" disabled={!flow || lanes.length === 0} onClick={() => setAdding(true)}>
              + {t('editAddStep')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="delete-step"
              disabled={!selectedStep}
              title={t('editDeleteTip')}
              onClick={() => setDeleting(true)}
            >
              {t('editDelete')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="move-step-up"
              disabled={!selectedStep || selectedIndex <= 0}
              title={t('editMoveUpTip')}
              onClick={() => moveSelected(-1)}
            >
              ↑ {t('editMoveUp')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="move-step-down"
              disabled={!selectedStep || !selectedFlow || selectedIndex >= selectedFlow.steps.length - 1}
              title={t('editMoveDownTip')}
              onClick={() => moveSelected(1)}
            >
              ↓ {t('editMoveDown')}
            </button>
            <span className="edit-selection muted" data-testid="selection">
              {selectedStep ? t('editSelected', { step: stepName(selectedStep), n: selectedIndex + 1 }) : t('editNoSelection')}
            </span>
          </div>
          <div className="diagram edit-diagram" data-testid="diagram" data-flow={flow?.id}>
            {layout && flow && (
              <EditableDiagram
                layout={layout}
                steps={flow.steps}
                headers={headers}
                marks={marks}
                selected={selected}
                onSelect={setSelected}
                onChangeLane={(stepId, lane) => run(stepChangeLane({ stepId, lane }))}
                onConnect={connect}
              />
            )}
          </div>
          <section className="card edit-card">
            <div className="card-head edit-card-head">
              <h2>{selectedStep ? t('editProperties') : t('editSopProperties')}</h2>
              {selectedStep && (
                <button type="button" className="button" data-testid="show-sop-properties" onClick={() => setSelected(null)}>
                  {t('editShowSop')}
                </button>
              )}
            </div>
            {selectedStep && selectedFlow ? (
              <PropertiesPanel
                key={`${selectedFlow.id}:${selectedStep.id}`}
                step={selectedStep}
                flow={selectedFlow}
                lanes={laneChoices}
                templates={templates}
                choiceFields={choiceFields}
                run={run}
                onRenamed={setSelected}
              />
            ) : shown ? (
              <SopProperties doc={shown} run={run} />
            ) : (
              <p className="muted">{t('editUnreadable')}</p>
            )}
          </section>
          <section className="card edit-card">
            <h2>{t('editLanes', { n: lanes.length })}</h2>
            <LanesPanel lanes={lanes} stepCount={stepCount} run={run} choiceFields={choiceFields} categoryField={shown?.intake?.categoryField} />
          </section>
        </div>
        <div className="edit-side">
          <section className="card edit-card">
            <h2>{t('editYaml')}</h2>
            <YamlPane
              ref={pane}
              testId="yaml-pane"
              label={t('editYaml')}
              value={text}
              onChange={onText}
              onBlur={flush}
              issues={text === snap.yaml ? issues : NO_ISSUES}
            />
          </section>
          <section className="card edit-card" data-testid="problems" data-valid={snap.valid ? 'true' : 'false'}>
            <h2>{t('editProblems', { n: snap.issues.length })}</h2>
            {issues.length === 0 ? (
              <p className="muted">{t('editNoProblems')}</p>
            ) : (
              <ul className="edit-problems">
                {issues.map((issue, n) => {
                  const el = issue.element;
                  const stepId = el.type === 'step' ? el.stepId : el.type === 'transition' ? el.from : undefined;
                  return (
                    <li key={n}>
                      <button
                        type="button"
                        className={`edit-problem edit-problem-${issue.severity}`}
                        data-testid="problem"
                        data-step-id={stepId}
                        data-code={issue.code}
                        onClick={() => selectIssue(issue)}
                      >
                        <span className="edit-problem-at">
                          {issue.line}:{issue.column}
                        </span>{' '}
                        <span className="edit-problem-message">{issue.message}</span>
                        {issue.pointer && (
                          <span className="edit-problem-path" data-testid="problem-path">
                            {' '}
                            ({t('editProblemAt', { path: issuePath(issue.pointer) })})
                          </span>
                        )}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>
      </div>
      {asking && (
        <OutcomeDialog
          from={asking.from}
          to={asking.to}
          onCancel={() => setAsking(null)}
          onOk={(label) => {
            setAsking(null);
            run(transitionConnect({ from: asking.from, to: asking.to, outcome: { label } }));
          }}
        />
      )}
      {adding && flow && (
        <AddStepDialog
          flow={selectedFlow ?? flow}
          lanes={laneChoices}
          after={selectedStep}
          onCancel={() => setAdding(false)}
          onOk={(params) => {
            setAdding(false);
            run(stepAdd(params));
          }}
        />
      )}
      {deleting && selectedStep && (
        <DeleteStepDialog
          step={selectedStep}
          arrows={incoming(flows, selectedStep.id)}
          onCancel={() => setDeleting(false)}
          onOk={(reconnect) => {
            setDeleting(false);
            if (run(stepDelete({ stepId: selectedStep.id, ...(reconnect ? { reconnect } : {}) }))) setSelected(null);
          }}
        />
      )}
      {(commandError || effectNote) && (
        <div className="edit-toasts">
          {commandError && (
            <div className="notice notice-error edit-toast" role="alert" data-testid="command-error">
              <span>{t('editCommandFailed', { message: commandError })}</span>
              <button type="button" className="edit-icon-button" aria-label={t('editClose')} onClick={() => setCommandError(null)}>
                ×
              </button>
            </div>
          )}
          {effectNote && (
            <div className="notice edit-toast" role="status" data-testid="command-effects">
              <span>{effectNote}</span>
              <button type="button" className="edit-icon-button" aria-label={t('editClose')} onClick={() => setEffectNote(null)}>
                ×
              </button>
            </div>
          )}
        </div>
      )}
      {saving && (
        <SaveDialog
          sopId={id}
          yaml={snap.yaml}
          basedOnVersion={base.version}
          onClose={() => setSaving(false)}
          onSaved={(p) => {
            setSaving(false);
            if (base.version === 0) {
              forgetNewSopDraft(id);
              setJoined({ regency: p.regency, version: p.version });
            }
            setBase({ yaml: p.yaml, version: p.version });
            if (p.yaml !== stack.state.yaml) stack.reset(p.yaml);
            setSaved(p.created ? t('editSaved', { n: p.version }) : t('editSaveUnchanged', { n: p.version }));
          }}
        />
      )}
    </article>
  );
}
