import { useCallback, useMemo, useRef, useState } from 'react';
import { AUTHOR } from '@sop/api-contract';
import { readableDocument, stepAdd, stepChangeLane, stepDelete, stepMove, transitionConnect, type EditorIssue, type SopCommand } from '@sop/editor';
import { flowsOf, readSopData, type SopDocument } from '@sop/model';
import { layoutSwimlanes } from '@sop/swimlane-layout';
import { fetchSopHead, type SopDetail } from '../api';
import { Notice } from '../components/Shell';
import { diagramHeaders } from '../diagram/diagram-headers';
import { SwimlaneDiagram } from '../diagram/SwimlaneDiagram';
import { AddStepDialog, DeleteStepDialog, OutcomeDialog } from '../editor/Dialogs';
import { EditableDiagram } from '../editor/EditableDiagram';
import { readDraft, useDraftStorage, type Draft } from '../editor/editor-draft';
import { selectionIn, stepOfIssue, type ShownIssue } from '../editor/editor-model';
import { scalarFastCommand } from '../editor/scalar-command';
import { EditorToasts } from '../editor/EditorToasts';
import { EditorToolbar } from '../editor/EditorToolbar';
import { LanesPanel } from '../editor/LanesPanel';
import { ProblemsPanel } from '../editor/ProblemsPanel';
import { PropertiesPanel } from '../editor/PropertiesPanel';
import { SopProperties } from '../editor/SopProperties';
import { incoming } from '../editor/step-names';
import { StepToolbar } from '../editor/StepToolbar';
import { SaveDialog } from '../editor/SaveDialog';
import { useCommandStack } from '../editor/use-command-stack';
import { useCommands } from '../editor/use-commands';
import { useDrawnMark } from '../editor/use-drawn-mark';
import { useEditorDiagram } from '../editor/use-editor-diagram';
import { useEditorKeys } from '../editor/use-editor-keys';
import { useYamlText } from '../editor/use-yaml-text';
import { YamlPane, type YamlPaneHandle } from '../yaml-pane/YamlPane';
import '../editor/editor.css';
import { downloadText } from '../export-diagram';
import { useI18n } from '../i18n';
import { forgetNewSopDraft, readNewSopDraft, type NewSopDraft } from '../new-sop/new-sop-draft';
import { Link } from '../router';
import { useSession, type SessionUser } from '../session';
import { useFetch } from '../use-fetch';

/** The document of a new SOP's starting YAML as far as it can be read (the validator's own read), or null. */
function readDocument(yaml: string): SopDocument | null {
  return readableDocument(readSopData(yaml));
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
    // read here as the validator reads it: the editor opens the draft from it
    sopOrder: doc ? 'yaml' : 'stored',
    inspection: null as unknown as SopDetail['inspection'],
    changeNote: null,
    publishedBy: null,
  };
}

export function EditSopPage({ id }: { id: string }) {
  const { t } = useI18n();
  // the head: a proposal awaiting the signer is edited on, not the version in effect (ADR 0025)
  const detail = useFetch(`sop:${id}:edit`, (signal) => fetchSopHead(id, signal));
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

const NO_ISSUES: readonly ShownIssue[] = [];

function SopEditor({ detail }: { detail: SopDetail }) {
  const { t, lang } = useI18n();
  const id = detail.id;
  const [base, setBase] = useState<Draft>({ yaml: detail.yaml, version: detail.version });
  const { stack, snap, validator } = useCommandStack(
    () => readDraft(id)?.yaml ?? detail.yaml,
    `sops/${id}.yaml`,
    // only a model read as the validator reads it, in the YAML's key order: the commands copy keys from it
    detail.sopOrder === 'yaml' ? { yaml: detail.yaml, data: detail.sop } : undefined,
  );
  // the YAML pane: its text is applied after a pause in typing, as one undoable edit
  const { text, onText, flush } = useYamlText(stack, snap.yaml, validator);
  useDraftStorage(id, snap.yaml, base);
  const shown = snap.shown;

  const [selected, setSelected] = useState<string | null>(null);
  // a property written over its old value's place in the text, when where it lies is known (ADR 0034, addendum 2)
  const fastCommand = useCallback(
    (command: SopCommand) =>
      scalarFastCommand(command, (yaml) => {
        const spans = yaml === stack.state.yaml ? validator.spansOf(yaml) : undefined;
        return spans && stack.document ? { spans, data: stack.document } : null;
      }),
    [stack, validator],
  );
  const { run, undo, redo, commandError, setCommandError, effectNote, setEffectNote } = useCommands(stack, flush, lang, setSelected, fastCommand);
  const [deleting, setDeleting] = useState(false);
  const [adding, setAdding] = useState(false);
  const askDelete = useCallback(() => setDeleting(true), []);
  useEditorKeys({ selected, onDelete: askDelete, undo, redo });

  // the diagram follows the text as far as it can be read
  const { flows, flow, setFlowId, showMutuBaku, setShowMutuBaku, layout, issues, marks, allSteps, lanes, laneChoices, choiceFields, templates, stepCount } =
    useEditorDiagram(shown, snap.issues, lang);
  const headers = useMemo(() => diagramHeaders(t), [t]);
  const { step: selectedStep, flow: selectedFlow, index: selectedIndex } = useMemo(() => selectionIn(flows, selected), [flows, selected]);
  const moveSelected = (by: number) => {
    if (selectedStep && selectedIndex >= 0) run(stepMove({ stepId: selectedStep.id, toIndex: selectedIndex + by }));
  };
  const pane = useRef<YamlPaneHandle>(null);
  const selectIssue = useCallback(
    (issue: EditorIssue) => {
      // the pane selects and scrolls to the issue's line
      if (issue.line > 0) pane.current?.reveal(issue.line, issue.column);
      const stepId = stepOfIssue(issue);
      if (!stepId) return;
      const owner = flows.find((f) => f.steps.some((s) => s.id === stepId));
      if (owner) setFlowId(owner.id);
      setSelected(stepId);
    },
    [flows, setFlowId],
  );

  const [asking, setAsking] = useState<{ from: string; to: string } | null>(null);
  const connect = useCallback(
    (from: string, to: string) => {
      const step = allSteps.find((s) => s.id === from);
      if (step?.kind === 'decision') setAsking({ from, to });
      else run(transitionConnect({ from, to }));
    },
    [allSteps, run],
  );
  const changeLane = useCallback((stepId: string, lane: string) => run(stepChangeLane({ stepId, lane })), [run]);

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
  const title = shown?.identity?.title ?? detail.title;
  useDrawnMark(layout);

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
      <EditorToolbar
        canUndo={snap.canUndo}
        canRedo={snap.canRedo}
        undoWhat={stack.undoDescription(lang)}
        redoWhat={stack.redoDescription(lang)}
        onUndo={undo}
        onRedo={redo}
        showMutuBaku={showMutuBaku}
        onShowMutuBaku={setShowMutuBaku}
        dirty={dirty}
        onDiscard={discard}
        onDownload={() => downloadText(`${id}.yaml`, snap.yaml, 'application/yaml')}
        onSave={() => {
          flush();
          setSaved(null);
          setSaving(true);
        }}
      />
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
      {!snap.document && (
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
          <StepToolbar
            canAdd={!!flow && lanes.length > 0}
            step={selectedStep}
            flow={selectedFlow}
            index={selectedIndex}
            onAdd={() => setAdding(true)}
            onDelete={askDelete}
            onMove={moveSelected}
          />
          <div className="diagram edit-diagram" data-testid="diagram" data-flow={flow?.id}>
            {layout && flow && (
              <EditableDiagram
                layout={layout}
                steps={flow.steps}
                headers={headers}
                marks={marks}
                selected={selected}
                onSelect={setSelected}
                onChangeLane={changeLane}
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
          <ProblemsPanel issues={issues} valid={snap.valid} checking={snap.checking} onSelect={selectIssue} />
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
      <EditorToasts commandError={commandError} effectNote={effectNote} onCloseError={() => setCommandError(null)} onCloseNote={() => setEffectNote(null)} />
      {saving && (
        <SaveDialog
          sopId={id}
          yaml={snap.yaml}
          basedOnVersion={base.version}
          issues={issues}
          checking={snap.checking}
          onClose={() => setSaving(false)}
          onSaved={(p) => {
            setSaving(false);
            if (base.version === 0) {
              forgetNewSopDraft(id);
              setJoined({ regency: p.regency, version: p.version });
            }
            setBase({ yaml: p.yaml, version: p.version });
            if (p.yaml !== stack.state.yaml) stack.reset(p.yaml);
            setSaved(p.created ? t(p.status === 'proposed' ? 'editProposed' : 'editSaved', { n: p.version }) : t('editSaveUnchanged', { n: p.version }));
          }}
        />
      )}
    </article>
  );
}
