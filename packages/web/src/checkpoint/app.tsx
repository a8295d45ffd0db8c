import type { VerifyResult } from '@thonghanh/core';
import {
  type FormEvent,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { formatDateTime } from '../shared/format.js';
import { VerdictView } from '../shared/verdict-view.js';
import { ApiError, type Checkpoint, type CheckpointApi, type Me } from './api.js';
import { UNIT_STATUS_TEXT } from './area.js';
import type { Boot } from './boot.js';
import {
  type Controller,
  DEFAULT_SETTINGS,
  type Session,
  type Settings,
  type State,
  type VerdictState,
} from './controller.js';
import { unlockAudio } from './feedback.js';
import { closeHelp, HelpOpenLink, useHelpPart, verdictHelpPart } from './help-hash.js';
import { kvDelete, kvSet, recentScans } from './idb.js';
import { ageLabel, freshness } from './list-age.js';
import { CAMERA_ERROR_TEXT, type CameraError, type CameraScanner, cameraErrorOf } from './scanner.js';

type Phase =
  | { name: 'loading' }
  | { name: 'login'; settings: Settings; resume?: Checkpoint }
  | { name: 'pick'; me: Me; settings: Settings }
  | { name: 'main'; session: Session; settings: Settings };

export interface AppProps {
  boot: Boot;
  api: CheckpointApi;
  /** Builds the controller and scanner of a signed-in session. */
  start: (
    session: Session,
    settings: Settings,
  ) => Promise<{ controller: Controller; scanner: CameraScanner; dispose: () => void }>;
}

/** The officer's help: loaded when first opened, precached for offline use. */
const HelpScreen = lazy(() => import('./help-screen.js'));

/** The app, and over it the help when the address says `#huong-dan…`. */
export function App(props: AppProps) {
  const help = useHelpPart();
  return (
    <>
      <div className="phases" inert={help !== null}>
        <Phases {...props} />
      </div>
      {help !== null && (
        <Suspense fallback={<p className="boot help-screen">Đang mở hướng dẫn…</p>}>
          <HelpScreen part={help} onClose={closeHelp} />
        </Suspense>
      )}
    </>
  );
}

/** The "?" of every top bar. */
const helpButton = (
  <HelpOpenLink className="help-open" label="Hướng dẫn">
    <span aria-hidden="true">?</span>
  </HelpOpenLink>
);

function Phases({ boot, api, start }: AppProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  useEffect(() => {
    boot.stored.then(({ session, settings }) =>
      setPhase(session ? { name: 'main', session, settings } : { name: 'login', settings }),
    );
  }, [boot]);
  useEffect(() => {
    const unlock = () => unlockAudio();
    document.addEventListener('pointerdown', unlock, { capture: true });
    document.addEventListener('keydown', unlock, { capture: true });
    return () => {
      document.removeEventListener('pointerdown', unlock, { capture: true });
      document.removeEventListener('keydown', unlock, { capture: true });
    };
  }, []);

  switch (phase.name) {
    case 'loading':
      return <p className="boot">Đang mở ứng dụng chốt kiểm soát…</p>;
    case 'login':
      return (
        <LoginScreen
          api={api}
          onDone={async (me) => {
            if (!phase.resume) return setPhase({ name: 'pick', me, settings: phase.settings });
            // Signed in again after the session ended: back to the same checkpoint.
            const session = { me, checkpoint: phase.resume };
            await kvSet('session', session);
            setPhase({ name: 'main', session, settings: phase.settings });
          }}
        />
      );
    case 'pick':
      return (
        <PickScreen
          api={api}
          me={phase.me}
          onPick={async (checkpoint) => {
            const session = { me: phase.me, checkpoint };
            await kvSet('session', session);
            setPhase({ name: 'main', session, settings: phase.settings });
          }}
          onLogout={() => setPhase({ name: 'login', settings: phase.settings })}
        />
      );
    case 'main':
      return (
        <MainScreen
          key={phase.session.checkpoint.id}
          boot={boot}
          session={phase.session}
          settings={phase.settings}
          start={start}
          onChangeCheckpoint={(me) => setPhase({ name: 'pick', me, settings: phase.settings })}
          onRelogin={() => setPhase({ name: 'login', settings: phase.settings, resume: phase.session.checkpoint })}
          onLogout={async () => {
            await kvDelete('session');
            setPhase({ name: 'login', settings: phase.settings });
          }}
        />
      );
  }
}

function Header({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="topbar">
      <div className="topbar-line">
        <h1 className="topbar-title">{title}</h1>
        {helpButton}
      </div>
      {children}
    </header>
  );
}

function LoginScreen({ api, onDone }: { api: CheckpointApi; onDone: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const me = await api.login(String(form.get('username') ?? '').trim(), String(form.get('password') ?? ''));
      onDone(me);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === null
          ? 'Không có kết nối mạng. Lần đăng nhập đầu tiên trên máy cần mạng; sau đó ứng dụng chạy được khi mất mạng.'
          : err instanceof Error
            ? err.message
            : String(err),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="page">
      <Header title="Chốt kiểm soát — Đăng nhập" />
      <form className="form" onSubmit={submit}>
        <p className="lead">Cán bộ tại chốt đăng nhập một lần trên máy này.</p>
        <label>
          Tên đăng nhập
          <input name="username" autoComplete="username" autoCapitalize="none" required />
        </label>
        <label>
          Mật khẩu
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p className="error" role="alert">
            <span aria-hidden="true">✕ </span>
            {error}
          </p>
        )}
        <div className="bar">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
          </button>
        </div>
      </form>
    </div>
  );
}

function PickScreen({
  api,
  me,
  onPick,
  onLogout,
}: {
  api: CheckpointApi;
  me: Me;
  onPick: (c: Checkpoint) => void;
  onLogout: () => void;
}) {
  const [list, setList] = useState<Checkpoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the fetch
  useEffect(() => {
    setError(null);
    api
      .checkpoints()
      .then(setList)
      .catch((e: unknown) =>
        setError(
          e instanceof ApiError && e.status === 401
            ? 'phiên đăng nhập đã hết, bấm "Đăng nhập lại"'
            : e instanceof Error
              ? e.message
              : String(e),
        ),
      );
  }, [api, attempt]);
  return (
    <div className="page">
      <Header title="Chọn chốt kiểm soát" />
      <div className="content">
        <p className="lead">
          Cán bộ: <strong>{me.user.fullName}</strong>. Chọn chốt đang làm nhiệm vụ: lộ trình của giấy đi đường được đối
          chiếu với phường của chốt.
        </p>
        {error && (
          <p className="error" role="alert">
            <span aria-hidden="true">✕ </span>Không tải được danh sách chốt: {error}
          </p>
        )}
        {!list && !error && <p>Đang tải danh sách chốt…</p>}
        {list?.length === 0 && <p className="error">Chưa có chốt kiểm soát nào được giao cho tài khoản này.</p>}
        <ul className="choices">
          {list?.map((c) => (
            <li key={c.id}>
              <button type="button" className="choice" onClick={() => onPick(c)}>
                <strong>{c.name}</strong>
                <span>{c.place}</span>
                <span className="muted">
                  {c.wardName ? `${c.wardName} (mã ${c.wardCode})` : `Mã phường ${c.wardCode}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="bar bar-row">
        {error && (
          <button type="button" className="btn" onClick={() => setAttempt((a) => a + 1)}>
            Thử lại
          </button>
        )}
        <button type="button" className="btn" onClick={onLogout}>
          {error?.startsWith('phiên') ? 'Đăng nhập lại' : 'Đăng xuất'}
        </button>
      </div>
    </div>
  );
}

function useController(c: Controller): State {
  return useSyncExternalStore(c.subscribe, c.getState);
}

function MainScreen({
  boot,
  session,
  settings,
  start,
  onChangeCheckpoint,
  onRelogin,
  onLogout,
}: {
  boot: Boot;
  session: Session;
  settings: Settings;
  start: AppProps['start'];
  onChangeCheckpoint: (me: Me) => void;
  onRelogin: () => void;
  onLogout: () => void;
}) {
  const [parts, setParts] = useState<{ controller: Controller; scanner: CameraScanner } | null>(null);
  const [warmResult, setWarmResult] = useState<VerifyResult | null>(null);
  useEffect(() => {
    let cancelled = false;
    let started: { dispose: () => void } | null = null;
    start(session, settings).then((p) => {
      started = p;
      if (cancelled) p.dispose();
      else setParts(p);
    });
    boot.warm.then((r) => !cancelled && setWarmResult(r));
    return () => {
      cancelled = true;
      started?.dispose();
    };
  }, [boot, session, settings, start]);
  if (!parts) return <p className="boot">Đang chuẩn bị camera và danh sách…</p>;
  return (
    <Main
      boot={boot}
      controller={parts.controller}
      scanner={parts.scanner}
      warmResult={warmResult}
      onChangeCheckpoint={onChangeCheckpoint}
      onRelogin={onRelogin}
      onLogout={onLogout}
    />
  );
}

/**
 * Renders and paints a verdict once before the camera starts, beneath the (black) camera
 * box where it cannot be seen, so that the first real verdict is laid out and painted by warm code
 * (the first paint of a verdict otherwise costs some 30–50 ms more).
 */
function WarmRender({ result }: { result: VerifyResult }) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let id = requestAnimationFrame(() => {
      id = requestAnimationFrame(() => setDone(true));
    });
    return () => cancelAnimationFrame(id);
  }, []);
  if (done) return null;
  return (
    <div className="warm-render" aria-hidden="true">
      <div className="content verdict-panel">
        <VerdictView result={result} />
      </div>
    </div>
  );
}

function Main({
  boot,
  controller,
  scanner,
  warmResult,
  onChangeCheckpoint,
  onRelogin,
  onLogout,
}: {
  boot: Boot;
  controller: Controller;
  scanner: CameraScanner;
  warmResult: VerifyResult | null;
  onChangeCheckpoint: (me: Me) => void;
  onRelogin: () => void;
  onLogout: () => void;
}) {
  const s = useController(controller);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<'off' | 'starting' | 'on' | CameraError>('off');
  const [cameraAttempt, setCameraAttempt] = useState(0);

  // The camera runs while the app is visible: on the scan screen in full, behind a verdict
  // in a corner (a CCCD card can still be scanned), and stops when the phone is put away.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cameraAttempt restarts the camera
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let stopped = false;
    const run = async () => {
      if (document.visibilityState !== 'visible' || scanner.active) return;
      setCamera('starting');
      try {
        // The camera starts once the decoder is warm: the first frame is decoded at full speed.
        await boot.warm;
        if (stopped) return;
        await scanner.start(video);
        if (stopped) scanner.stop();
        else {
          setCamera('on');
          performance.mark('checkpoint-scanning');
        }
      } catch (e) {
        if (!stopped) setCamera(cameraErrorOf(e));
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void run();
      else {
        scanner.stop();
        setCamera('off');
      }
    };
    void run();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      scanner.stop();
    };
  }, [boot, scanner, cameraAttempt]);

  const v = s.verdict;
  const screen = s.screen;
  const cameraMini = screen !== 'scan';
  return (
    <div className={`app screen-${screen}`}>
      <StatusBar s={s} controller={controller} />
      {(s.sessionExpired || s.queue.needsLogin) && (
        <div className="relogin" role="alert">
          <span>
            <span aria-hidden="true">⚠ </span>Phiên đăng nhập đã hết. Vẫn quét được; nhật ký chờ gửi đến khi đăng nhập
            lại.
          </span>
          <button type="button" className="btn" onClick={onRelogin}>
            Đăng nhập lại
          </button>
        </div>
      )}
      <div className={`camera ${cameraMini ? 'camera-mini' : ''}`}>
        {warmResult && <WarmRender result={warmResult} />}
        <div className="camera-cover" />
        <video ref={videoRef} muted playsInline aria-label="Hình ảnh camera" />
        {!cameraMini && <div className="camera-frame" aria-hidden="true" />}
        {cameraMini && camera === 'on' && <span className="camera-mini-label">Đang quét</span>}
      </div>
      {screen === 'scan' && (
        <div className="content">
          {camera === 'on' || camera === 'starting' ? (
            <p className="hint">
              {camera === 'starting'
                ? 'Đang bật camera…'
                : 'Đưa mã QR vào khung: giấy đi đường, mã QR của đơn vị hoặc CCCD gắn chip.'}
            </p>
          ) : camera === 'off' ? (
            <p className="hint">Camera đang tắt.</p>
          ) : (
            <p className="error" role="alert">
              <span aria-hidden="true">✕ </span>
              {CAMERA_ERROR_TEXT[camera]}
            </p>
          )}
          {s.card && <CardChip s={s} controller={controller} />}
        </div>
      )}
      {screen === 'verdict' && v && <VerdictPanel v={v} s={s} controller={controller} />}
      {screen === 'manual' && <ManualPanel s={s} controller={controller} />}
      {screen === 'settings' && (
        <SettingsPanel
          s={s}
          controller={controller}
          onChangeCheckpoint={() => onChangeCheckpoint(controller.session.me)}
          onLogout={onLogout}
        />
      )}
      {screen === 'history' && <HistoryPanel />}
      <nav className="bar" aria-label="Thao tác">
        {screen !== 'scan' && (
          <div className="bar-main">
            {/* The live camera sits here, in a corner that covers nothing. */}
            <span className="camera-slot" aria-hidden="true" />
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                controller.next();
                if (typeof camera === 'string' && !['on', 'starting', 'off'].includes(camera))
                  setCameraAttempt((a) => a + 1);
              }}
            >
              <span aria-hidden="true">◉ </span>Quét tiếp
            </button>
          </div>
        )}
        {screen === 'scan' && camera !== 'on' && camera !== 'starting' && (
          <button type="button" className="btn btn-primary" onClick={() => setCameraAttempt((a) => a + 1)}>
            Bật camera
          </button>
        )}
        <div className="bar-row">
          <button
            type="button"
            className={`btn ${screen === 'manual' ? 'btn-current' : ''}`}
            onClick={() => controller.show('manual')}
          >
            Nhập tay
          </button>
          <button
            type="button"
            className={`btn ${screen === 'history' ? 'btn-current' : ''}`}
            onClick={() => controller.show('history')}
          >
            Nhật ký
          </button>
          <button
            type="button"
            className={`btn ${screen === 'settings' ? 'btn-current' : ''}`}
            onClick={() => controller.show('settings')}
          >
            Cài đặt
          </button>
        </div>
      </nav>
      {boot.params.has('bench') && <span hidden data-decoder={boot.decoder.name} />}
    </div>
  );
}

function StatusBar({ s, controller }: { s: State; controller: Controller }) {
  const now = Math.max(s.clock, Date.now());
  const limit = controller.staleAfterMs;
  const item = (label: string, at: number | null) => {
    const f = freshness(at, now, limit);
    return (
      <span className={`age age-${f}`}>
        {f !== 'fresh' && <span aria-hidden="true">⚠ </span>}
        {label} {ageLabel(at, now)}
      </span>
    );
  };
  const q = s.queue;
  return (
    <header className="topbar">
      <div className="topbar-line">
        <h1 className="topbar-title">{controller.session.checkpoint.name}</h1>
        <span className={`net ${s.online ? 'net-on' : 'net-off'}`}>
          <span aria-hidden="true">{s.online ? '● ' : '○ '}</span>
          {s.online ? 'Có mạng' : 'Mất mạng'}
        </span>
        {helpButton}
      </div>
      <div className="topbar-line topbar-small" data-testid="list-ages">
        <span>Danh sách cập nhật —</span>
        {item('tin cậy:', s.lists.trustFetchedAt)}
        {item('thu hồi:', s.lists.revokedFetchedAt)}
        {item('khu vực:', s.lists.areaFetchedAt)}
      </div>
      {(s.lists.trustFetchedAt === null || s.lists.revokedFetchedAt === null) && (
        <div className="topbar-line topbar-small lists-missing" role="status" data-testid="lists-missing">
          <span>
            <span aria-hidden="true">? </span>
            Chưa có danh sách {s.lists.trustFetchedAt === null ? 'tin cậy' : 'thu hồi'}: chưa xác minh được mã; đang tự
            tải lại{s.online ? '' : ' khi có mạng'}.
          </span>
        </div>
      )}
      <div className="topbar-line topbar-small" data-testid="sync">
        {q.pending === 0 ? (
          <span>
            <span aria-hidden="true">✓ </span>Nhật ký quét đã gửi hết
          </span>
        ) : (
          <span className={q.needsLogin || q.failures > 0 ? 'sync-wait' : ''}>
            <span aria-hidden="true">↑ </span>
            {q.pending} lượt quét chờ gửi
            {q.needsLogin ? ' — cần đăng nhập lại' : q.sending ? ' — đang gửi…' : q.failures > 0 ? ' — sẽ thử lại' : ''}
          </span>
        )}
        {q.refused > 0 && (
          <span className="sync-wait" title={q.lastRefusal ?? undefined}>
            <span aria-hidden="true">⚠ </span>
            {q.refused} lượt quét bị máy chủ từ chối (xem Nhật ký)
          </span>
        )}
      </div>
    </header>
  );
}

function CardChip({ s, controller }: { s: State; controller: Controller }) {
  const c = s.card;
  if (!c) return null;
  return (
    <div className="chip" data-testid="card-chip">
      <span aria-hidden="true">ℹ </span>
      Đã quét CCCD: <strong>{c.card.fullName}</strong> ({c.card.cccd}).{' '}
      {c.usedBy === null ? 'Quét giấy đi đường để đối chiếu.' : ''}
      <button type="button" className="chip-x" onClick={() => controller.clearCard()} aria-label="Bỏ thẻ CCCD đã quét">
        ✕
      </button>
    </div>
  );
}

/** "chưa tải", "vừa xong", "5 phút trước". */
function agoText(at: number | null): string {
  const label = ageLabel(at, Date.now());
  return at === null || label === 'vừa xong' ? label : `${label} trước`;
}

/** HH:MM:SS in Việt Nam time. */
function clockTime(ms: number): string {
  return new Date(ms + 7 * 3600_000).toISOString().slice(11, 19);
}

function Notice({
  tone,
  icon,
  children,
}: {
  tone: 'good' | 'warn' | 'bad' | 'neutral';
  icon: string;
  children: ReactNode;
}) {
  return (
    <p className={`notice notice-${tone}`}>
      <span className="notice-icon" aria-hidden="true">
        {icon}
      </span>{' '}
      {children}
    </p>
  );
}

/** Whether the area list on the device is past the officer's limit for lists. */
function areaStale(s: State, controller: Controller): boolean {
  return freshness(s.lists.areaFetchedAt, Math.max(s.clock, Date.now()), controller.staleAfterMs) === 'stale';
}

function VerdictPanel({ v, s, controller }: { v: VerdictState; s: State; controller: Controller }) {
  const permit = v.result.claims?.permit;
  const unit = v.result.claims?.unit;
  const timing = { elementtiming: `verdict-${v.n}` } as Record<string, string>;
  const notices: ReactNode[] = [];
  if (v.identity) {
    notices.push(
      v.identity.match ? (
        <Notice key="id" tone="good" icon="✓">
          <strong>Khớp giấy tờ tùy thân</strong>: CCCD {v.identity.card.cccd} — {v.identity.card.fullName}.
        </Notice>
      ) : (
        <Notice key="id" tone="bad" icon="✕">
          <strong>Không khớp giấy tờ tùy thân</strong>: thẻ quét được là CCCD {v.identity.card.cccd} —{' '}
          {v.identity.card.fullName}.
        </Notice>
      ),
    );
  } else if (permit && v.result.verdict === 'valid' && !v.cannotVerify) {
    notices.push(
      <Notice key="id" tone="warn" icon="ℹ">
        Quét mã QR trên CCCD của người đi đường để đối chiếu, hoặc so họ tên và số giấy tờ bằng mắt.
      </Notice>,
    );
  }
  if (permit && v.result.verdict === 'valid' && v.areaUnit) {
    // An old area list may predate a reinstatement or a person just approved: amber, with its age.
    const stale = areaStale(s, controller);
    const source = stale
      ? `(theo danh sách khu vực đã cũ ${ageLabel(s.lists.areaFetchedAt, Date.now())}: có thể đã thay đổi)`
      : '(theo danh sách khu vực)';
    if (v.areaUnit.status === 'suspended') {
      notices.push(
        <Notice key="unit" tone={stale ? 'warn' : 'bad'} icon="⚠">
          Đơn vị <strong>{v.areaUnit.name}</strong> đang <strong>tạm dừng hoạt động</strong> {source}.
        </Notice>,
      );
    }
    if (v.onStaffList === false) {
      notices.push(
        <Notice key="staff" tone={stale ? 'warn' : 'bad'} icon="⚠">
          Người này <strong>không có</strong> trong danh sách người lao động đã duyệt của đơn vị {source}.
        </Notice>,
      );
    }
  }
  return (
    <div className="content verdict-panel" key={v.n}>
      <div className="verdict-top">
        <p className="scan-meta" {...timing}>
          Quét lúc {clockTime(v.at)} · lượt {v.n}
        </p>
        <HelpOpenLink
          part={verdictHelpPart(unit ? 'unit_qr' : v.result.verdict)}
          className="verdict-help"
          label="Ý nghĩa kết luận này và việc cần làm"
        >
          <span aria-hidden="true">? Ý nghĩa</span>
        </HelpOpenLink>
      </div>
      <VerdictView
        result={v.result}
        appWarnings={v.staleWarning ? [v.staleWarning] : []}
        notices={unit ? <UnitPanel v={v} s={s} controller={controller} /> : notices.length > 0 ? notices : undefined}
        cannotVerify={v.cannotVerify}
        advice={v.cannotVerify ? <CannotVerifyAdvice v={v} s={s} controller={controller} /> : undefined}
      />
    </div>
  );
}

/** What the officer does when a code cannot be verified: the network, the manual look-up, the ID document. */
function CannotVerifyAdvice({ v, s, controller }: { v: VerdictState; s: State; controller: Controller }) {
  const serial = v.result.claims?.permit?.serial;
  return (
    <>
      <p>
        <strong>Việc cần làm:</strong>
      </p>
      <ul>
        <li>
          Giữ kết nối mạng (dữ liệu di động hoặc Wi-Fi){s.online ? '' : ' — máy đang mất mạng'}: ứng dụng tự tải danh
          sách và kiểm tra lại mã này ngay khi tải được.
        </li>
        <li>
          Trong lúc chờ: tra cứu thủ công số giấy trong danh sách khu vực và đối chiếu giấy tờ tùy thân (CCCD/CMND) của
          người đi đường.
        </li>
        <li>Không kết luận giấy giả chỉ vì màn hình này.</li>
      </ul>
      {serial && (
        <button type="button" className="btn btn-advice" onClick={() => controller.manualLookup(serial)}>
          Tra cứu thủ công số giấy {serial}
        </button>
      )}
    </>
  );
}

function UnitPanel({ v, controller }: { v: VerdictState; s: State; controller: Controller }) {
  const [query, setQuery] = useState('');
  const resultRef = useRef<HTMLDivElement>(null);
  const unit = v.result.claims?.unit;
  const check = v.staffCheck;
  // The answer appears below the field: bring it into view above the bottom bar.
  useEffect(() => {
    if (check) resultRef.current?.scrollIntoView({ block: 'center' });
  }, [check]);
  if (!unit) return null;
  const a = v.areaUnit;
  return (
    <section className="unit-panel" aria-label="Trạng thái đơn vị">
      <h2>Trạng thái đơn vị</h2>
      {a === undefined ? (
        <Notice tone="warn" icon="⚠">
          Chưa có danh sách khu vực trên máy: kết nối mạng để tải.
        </Notice>
      ) : a === null ? (
        <Notice tone="warn" icon="?">
          Đơn vị không có trong danh sách khu vực của chốt.
        </Notice>
      ) : (
        <Notice tone={a.status === 'approved' ? 'good' : 'bad'} icon={a.status === 'approved' ? '✓' : '✕'}>
          <strong>{UNIT_STATUS_TEXT[a.status]}</strong> — {a.staff.length} người lao động trong danh sách đã duyệt.
        </Notice>
      )}
      <form
        className="form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) controller.checkStaff(query);
        }}
      >
        <label htmlFor="staff-query">Kiểm tra người lao động (số CCCD/CMND/hộ chiếu, hoặc quét CCCD):</label>
        <div className="inline-row">
          <input
            id="staff-query"
            inputMode="text"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="VD 001190012345"
          />
          <button className="btn" type="submit">
            Kiểm tra
          </button>
        </div>
      </form>
      {check && (
        <div data-testid="staff-check" ref={resultRef}>
          {check.noList ? (
            <Notice tone="neutral" icon="?">
              <strong>CHƯA TRA CỨU ĐƯỢC</strong>: máy chưa có danh sách khu vực. Kết nối mạng để tải; trong lúc chờ, đối
              chiếu giấy tờ tùy thân.
            </Notice>
          ) : check.staff ? (
            <Notice tone="good" icon="✓">
              <strong>CÓ TRONG DANH SÁCH</strong>: {check.staff.fullName} — số giấy tờ {check.staff.idNumber}
              {check.staff.serials.length > 0 ? `; giấy đi đường số ${check.staff.serials.join(', ')}` : ''}.
            </Notice>
          ) : (
            <Notice tone="bad" icon="✕">
              <strong>KHÔNG CÓ TRONG DANH SÁCH</strong> người lao động đã duyệt: {check.query}
              {check.source === 'card' ? ' (thẻ CCCD vừa quét)' : ''}.
            </Notice>
          )}
        </div>
      )}
    </section>
  );
}

function ManualPanel({ s, controller }: { s: State; controller: Controller }) {
  const [query, setQuery] = useState(s.manual.query);
  const m = s.manual;
  return (
    <div className="content">
      <h2>Nhập tay (mã hỏng)</h2>
      <form
        className="form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          controller.manualLookup(query);
        }}
      >
        <label htmlFor="manual-query">Số giấy đi đường (VD 0125/GĐĐ hoặc 0125) hoặc số CCCD/CMND/hộ chiếu:</label>
        <div className="inline-row">
          <input
            id="manual-query"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Số giấy hoặc số giấy tờ"
          />
          <button className="btn" type="submit">
            Tra cứu
          </button>
        </div>
      </form>
      <p className="muted">
        Tra trong danh sách khu vực trên máy (cập nhật {agoText(s.lists.areaFetchedAt)}). Tra cứu không thay cho chữ ký
        số: chỉ cho biết đơn vị đã đăng ký người này.
      </p>
      {m.matches && m.query && m.matches.length === 0 && !controller.hasArea() && (
        <div className="verdict verdict-neutral">
          <h2 className="verdict-headline">
            <span className="verdict-icon" aria-hidden="true">
              ?
            </span>{' '}
            CHƯA TRA CỨU ĐƯỢC
          </h2>
          <p>
            Máy chưa tải danh sách khu vực nên chưa tra được "{m.query}". Kết nối mạng để tải; trong lúc chờ, đối chiếu
            giấy tờ tùy thân. Đây không phải kết luận người này không có trong danh sách.
          </p>
        </div>
      )}
      {m.matches && m.query && m.matches.length === 0 && controller.hasArea() && (
        <div className="verdict verdict-bad">
          <h2 className="verdict-headline">
            <span className="verdict-icon" aria-hidden="true">
              ✕
            </span>{' '}
            KHÔNG TÌM THẤY
          </h2>
          <p>
            Không có "{m.query}" trong danh sách khu vực của chốt
            {areaStale(s, controller) ? ` (danh sách đã cũ ${ageLabel(s.lists.areaFetchedAt, Date.now())})` : ''}.
          </p>
        </div>
      )}
      {m.matches?.map((x) => (
        <div
          key={`${x.unit.taxCode}-${x.staff.idNumber}`}
          className={`verdict ${x.unit.status === 'approved' ? 'verdict-good' : 'verdict-bad'}`}
        >
          <h2 className="verdict-headline">
            <span className="verdict-icon" aria-hidden="true">
              {x.unit.status === 'approved' ? '✓' : '✕'}
            </span>{' '}
            {x.unit.status === 'approved' ? 'CÓ TRONG DANH SÁCH' : 'ĐƠN VỊ TẠM DỪNG HOẠT ĐỘNG'}
          </h2>
          <dl className="details">
            <Row k="Họ và tên" v={x.staff.fullName} />
            <Row k="Số giấy tờ" v={x.staff.idNumber} />
            <Row k="Giấy đi đường" v={x.staff.serials.join(', ') || '—'} />
            <Row k="Đơn vị" v={`${x.unit.name} (MST ${x.unit.taxCode})`} />
            <Row k="Trạng thái đơn vị" v={UNIT_STATUS_TEXT[x.unit.status]} />
          </dl>
        </div>
      ))}
    </div>
  );
}

function Row({ k, v }: { k: string; v: string }) {
  return (
    <div className="row">
      <dt>{k}</dt>
      <dd>{v}</dd>
    </div>
  );
}

function SettingsPanel({
  s,
  controller,
  onChangeCheckpoint,
  onLogout,
}: {
  s: State;
  controller: Controller;
  onChangeCheckpoint: () => void;
  onLogout: () => void;
}) {
  const [hours, setHours] = useState(String(s.settings.staleAfterHours));
  const q = s.queue;
  const cp = controller.session.checkpoint;
  return (
    <div className="content">
      <h2>Cài đặt</h2>
      <dl className="details">
        <Row k="Cán bộ" v={controller.session.me.user.fullName} />
        <Row k="Chốt" v={`${cp.name} — ${cp.place} (mã phường ${cp.wardCode})`} />
        <Row k="Khóa tin cậy" v={`${s.lists.keys} khóa`} />
        <Row k="Giấy đã thu hồi" v={`${s.lists.revoked} giấy`} />
        <Row k="Danh sách khu vực" v={s.lists.areaVersion === null ? 'chưa tải' : `phiên bản ${s.lists.areaVersion}`} />
        <Row
          k="Nhật ký quét"
          v={`${q.pending} chờ gửi${q.lastSyncAt ? `; gửi lần cuối ${formatDateTime(new Date(q.lastSyncAt))}` : ''}${
            q.lastError ? `; lỗi: ${q.lastError}` : ''
          }`}
        />
      </dl>
      <form
        className="form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          const h = Number(hours.replace(',', '.'));
          if (Number.isFinite(h) && h >= 1 && h <= 720)
            void controller.saveSettings({ ...s.settings, staleAfterHours: h });
        }}
      >
        <label htmlFor="stale-hours">Cảnh báo danh sách cũ sau (giờ):</label>
        <div className="inline-row">
          <input id="stale-hours" inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />
          <button className="btn" type="submit">
            Lưu
          </button>
        </div>
      </form>
      <label className="check">
        <input
          type="checkbox"
          checked={s.settings.sound}
          onChange={(e) => void controller.saveSettings({ ...s.settings, sound: e.target.checked })}
        />{' '}
        Phát âm thanh khi có kết quả
      </label>
      <div className="stack">
        <button type="button" className="btn" disabled={s.refreshing} onClick={() => void controller.refresh()}>
          {s.refreshing ? 'Đang cập nhật…' : 'Cập nhật danh sách ngay'}
        </button>
        <button
          type="button"
          className="btn"
          disabled={q.pending === 0}
          onClick={() => void controller.queue.syncNow()}
        >
          Gửi nhật ký quét ngay
        </button>
        {q.needsLogin && (
          <p className="error">
            Phiên đăng nhập đã hết: đăng xuất rồi đăng nhập lại để gửi nhật ký (các lượt quét vẫn được giữ trên máy).
          </p>
        )}
        <button type="button" className="btn" onClick={onChangeCheckpoint}>
          Đổi chốt kiểm soát
        </button>
        <HelpOpenLink className="btn help-settings">Hướng dẫn sử dụng</HelpOpenLink>
        <button
          type="button"
          className="btn"
          onClick={() => {
            if (
              q.pending === 0 ||
              confirm(
                `Còn ${q.pending} lượt quét chưa gửi. Chúng vẫn được giữ trên máy và gửi sau khi đăng nhập lại. Đăng xuất?`,
              )
            )
              onLogout();
          }}
        >
          Đăng xuất
        </button>
      </div>
      <p className="muted">Mặc định: {DEFAULT_SETTINGS.staleAfterHours} giờ.</p>
    </div>
  );
}

const VERDICT_SHORT: Record<string, string> = {
  valid: 'HỢP LỆ',
  not_permit_qr: 'KHÔNG PHẢI GIẤY ĐI ĐƯỜNG',
  malformed: 'MÃ HỎNG',
  unknown_key: 'KHÔNG RÕ NƠI CẤP',
  bad_signature: 'GIẢ MẠO',
  key_not_valid: 'KHÓA HẾT HIỆU LỰC',
  revoked: 'ĐÃ THU HỒI',
  not_yet_valid: 'CHƯA CÓ HIỆU LỰC',
  expired: 'HẾT HẠN',
  manual_found: 'NHẬP TAY: CÓ',
  manual_not_found: 'NHẬP TAY: KHÔNG CÓ',
  cannot_verify: 'KHÔNG THỂ XÁC MINH',
};

const GOOD = new Set(['valid', 'manual_found']);

function HistoryPanel() {
  const [rows, setRows] = useState<Awaited<ReturnType<typeof recentScans>> | null>(null);
  useEffect(() => {
    recentScans(50).then(setRows, () => setRows([]));
  }, []);
  return (
    <div className="content">
      <h2>Nhật ký quét trên máy</h2>
      {!rows && <p>Đang đọc…</p>}
      {rows?.length === 0 && <p>Chưa có lượt quét nào.</p>}
      <ol className="history">
        {rows?.map((r) => {
          const tone = GOOD.has(r.scan.verdict) ? 'ok' : r.scan.verdict === 'cannot_verify' ? 'na' : 'ko';
          return (
            <li key={r.scan.id} className={tone}>
              <span aria-hidden="true">{tone === 'ok' ? '✓' : tone === 'na' ? '?' : '✕'} </span>
              <strong>{VERDICT_SHORT[r.scan.verdict] ?? r.scan.verdict}</strong> · {formatDateTime(r.scan.scannedAt)}
              {r.scan.serial ? ` · ${r.scan.serial}` : ''}
              {r.scan.warnings.length > 0 ? ' · ⚠' : ''} ·{' '}
              {r.refused ? (
                <span className="refused">máy chủ từ chối: {r.refused.message}</span>
              ) : r.sent ? (
                'đã gửi'
              ) : (
                'chờ gửi'
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
