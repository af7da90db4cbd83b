// The files page (an extension page; the options page too): report files from disk — PDF, .docx,
// .doc, several at once, dropped or picked — read on this computer (nothing is uploaded), each
// listed with its verdict and shown, one at a time, as the popup shows a report, with the same
// exports and the same collection. It knows nothing of the extension API: all goes through `gateway`.
import { useEffect, useRef, useState } from 'preact/hooks';
import { CollectionView } from './CollectionView';
import { FILE_LIMIT_BYTES } from './fetch-file';
import { failureText, FileStateView } from './FileView';
import type { CollectedReport, FileState, Gateway } from './gateway';
import { TopBar } from './TopBar';
import { t, uiLang, type UiLang } from './i18n';

interface Props {
  gateway: Gateway;
  lang?: UiLang;
}

interface Entry {
  id: number;
  name: string;
  state: FileState | null;
}

const STATUS_MS = 5000;
const ACCEPT = '.pdf,.docx,.doc,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword';

export function FilesPage({ gateway, lang = uiLang() }: Props) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [view, setView] = useState<'files' | 'collection'>('files');
  const [collection, setCollection] = useState<CollectedReport[]>([]);
  const [dragging, setDragging] = useState(false);
  const [status, setStatus] = useState('');
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const nextId = useRef(1);
  // files are read one after another: the PDF reader is loaded once, and the page stays responsive
  const queue = useRef<Promise<void>>(Promise.resolve());

  const announce = (message: string) => {
    setStatus(message);
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };

  useEffect(() => {
    gateway.collectionList().then(setCollection, () => setCollection([]));
    return () => clearTimeout(statusTimer.current);
  }, [gateway]);

  const add = (files: File[]) => {
    if (files.length === 0) return;
    const added = files.map((file) => ({ file, entry: { id: nextId.current++, name: file.name, state: null } as Entry }));
    setEntries((list) => [...list, ...added.map((a) => a.entry)]);
    setSelected((s) => s ?? added[0]!.entry.id);
    setView('files');
    for (const { file, entry } of added) {
      queue.current = queue.current.then(async () => {
        let state: FileState;
        try {
          state = await gateway.readLocalFile(file);
        } catch (e) {
          state = { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
        }
        setEntries((list) => list.map((x) => (x.id === entry.id ? { ...x, state } : x)));
      });
    }
  };

  const remove = (id: number) => {
    setEntries((list) => list.filter((x) => x.id !== id));
    setSelected((s) => (s === id ? null : s));
  };

  const shown = entries.find((e) => e.id === selected) ?? entries[0] ?? null;

  return (
    <div class="files-page popup" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-files={entries.length}>
      <TopBar inCollection={view === 'collection'} collectionSize={collection.length} status={status} onBack={() => setView('files')} onOpenCollection={() => setView('collection')} />
      <main>
        {view === 'collection' ? (
          <CollectionView entries={collection} gateway={gateway} lang={lang} onChange={setCollection} announce={announce} />
        ) : (
          <>
            <h1 class="files-title">{t('filesTitle')}</h1>
            <p>{t('filesIntro')}</p>
            <label
              class={`drop-zone${dragging ? ' dragging' : ''}`}
              data-testid="drop-zone"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                add([...(e.dataTransfer?.files ?? [])]);
              }}
            >
              <span>{t('filesDrop')}</span>
              <span class="pick">{t('filesPick')}</span>
              <input
                type="file"
                multiple
                accept={ACCEPT}
                data-testid="file-input"
                onChange={(e) => {
                  const input = e.currentTarget;
                  add([...(input.files ?? [])]);
                  input.value = '';
                }}
              />
            </label>
            <p class="hint">{t('filesLimit', Math.round(FILE_LIMIT_BYTES / (1024 * 1024)))}</p>
            {entries.length === 0 ? (
              <p class="hint">{t('filesNone')}</p>
            ) : (
              <ul class="file-list" aria-label={t('filesTitle')}>
                {entries.map((e) => (
                  <li key={e.id} class={`file-entry${shown?.id === e.id ? ' selected' : ''}`} data-file-name={e.name} data-file-state={e.state?.kind ?? 'reading'}>
                    <button type="button" class="file-pick" data-action="show-file" aria-pressed={shown?.id === e.id} onClick={() => setSelected(e.id)}>
                      <span class="file-name">{e.name}</span> <span class="file-summary">{summary(e.state)}</span>
                    </button>{' '}
                    <button type="button" class="file-remove" data-action="remove-file" onClick={() => remove(e.id)}>
                      {t('filesRemove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {shown && (
              <section
                class="file-shown"
                key={shown.id}
                data-file-name={shown.name}
                data-file-state={shown.state?.kind ?? 'reading'}
                data-file-ms={shown.state?.kind === 'report' ? shown.state.elapsedMs : undefined}
              >
                <FileStateView state={shown.state} url={shown.name} gateway={gateway} lang={lang} announce={announce} onCollected={setCollection} />
              </section>
            )}
          </>
        )}
      </main>
    </div>
  );
}

function summary(state: FileState | null): string {
  if (state === null) return '…';
  switch (state.kind) {
    case 'report': {
      const r = state.report;
      if (r.tables.length === 0) return r.isReport ? t('fileNoTables') : t('fileNotReport');
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      const who = [r.agency ?? t('agencyUnknown'), r.year !== null ? t('yearValue', r.year) : ''].filter(Boolean).join(' ');
      return `${who} · ${errors > 0 ? `✗ ${t('verdictErrors', errors)}` : `✓ ${t('verdictNone')}`}`;
    }
    case 'fetch-failed':
      return failureText(state.failure);
    case 'needs-permission':
      return state.host;
    case 'failed':
      return t('fileFailed', state.message);
  }
}
