import type { FrameDecoder } from './decoder.js';

/**
 * The camera loop. Each frame the camera delivers is handed to the decoder from
 * `requestVideoFrameCallback`, which runs in the rendering step of the frame that shows it:
 * a decoded code can be verified and painted before that step ends. A frame that arrives
 * while the previous one is still being decoded is skipped (never queued: the newest frame
 * is the one that matters). Browsers without the callback get a requestAnimationFrame loop.
 */

export interface ScanHit {
  text: string;
  /** When the camera captured the frame (performance.now() clock). */
  captureTime: number;
  /** When the frame callback ran, and when decoding ended. */
  callbackAt: number;
  decodedAt: number;
}

export interface FrameLog {
  captureTime: number;
  presentedFrames: number;
  callbackAt: number;
  /** Decoded (false: skipped because the previous frame was still being decoded). */
  decoded: boolean;
  found: number;
  decodeMs: number;
}

export interface ScannerOptions {
  decoder: FrameDecoder;
  onHit: (hit: ScanHit) => void | Promise<void>;
  /** Every frame seen, for the benchmark. */
  onFrame?: (f: FrameLog) => void;
  onError?: (e: unknown) => void;
}

export type CameraError = 'not_allowed' | 'not_found' | 'not_supported' | 'other';

export function cameraErrorOf(e: unknown): CameraError {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'not_allowed';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not_found';
  if (name === 'TypeError' || !navigator.mediaDevices?.getUserMedia) return 'not_supported';
  return 'other';
}

export const CAMERA_ERROR_TEXT: Record<CameraError, string> = {
  not_allowed:
    'Chưa được phép dùng camera. Cho phép camera cho trang này trong cài đặt trình duyệt, rồi bấm "Bật camera".',
  not_found: 'Không tìm thấy camera trên máy.',
  not_supported: 'Trình duyệt này không dùng được camera (cần HTTPS). Dùng "Nhập tay".',
  other: 'Không bật được camera. Bấm "Bật camera" để thử lại.',
};

type VideoWithCallback = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, metadata: VideoFrameCallbackMetadata) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export class CameraScanner {
  private video: VideoWithCallback | null = null;
  private stream: MediaStream | null = null;
  private busy = false;
  private running = false;
  private handle = 0;
  private rafHandle = 0;
  private lastTime = -1;

  constructor(private readonly options: ScannerOptions) {}

  get active(): boolean {
    return this.running;
  }

  async start(video: HTMLVideoElement): Promise<void> {
    this.stop();
    this.video = video as VideoWithCallback;
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: {
        facingMode: { ideal: 'environment' },
        width: { ideal: 640 },
        height: { ideal: 480 },
        frameRate: { ideal: 30 },
      },
    });
    video.muted = true;
    video.playsInline = true;
    video.setAttribute('playsinline', '');
    video.srcObject = this.stream;
    await video.play();
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    const v = this.video;
    if (v && this.handle && v.cancelVideoFrameCallback) v.cancelVideoFrameCallback(this.handle);
    if (this.rafHandle) cancelAnimationFrame(this.rafHandle);
    this.handle = 0;
    this.rafHandle = 0;
    for (const t of this.stream?.getTracks() ?? []) t.stop();
    this.stream = null;
    if (v) v.srcObject = null;
  }

  private schedule() {
    const v = this.video;
    if (!this.running || !v) return;
    if (v.requestVideoFrameCallback) {
      this.handle = v.requestVideoFrameCallback(this.onVideoFrame);
    } else {
      this.rafHandle = requestAnimationFrame(this.onAnimationFrame);
    }
  }

  private onVideoFrame = (now: number, metadata: VideoFrameCallbackMetadata) => {
    this.schedule();
    this.frame(metadata.captureTime ?? metadata.expectedDisplayTime ?? now, metadata.presentedFrames ?? 0);
  };

  private onAnimationFrame = () => {
    this.schedule();
    const v = this.video;
    if (!v || v.readyState < 2 || v.currentTime === this.lastTime) return;
    this.lastTime = v.currentTime;
    this.frame(performance.now(), 0);
  };

  private frame(captureTime: number, presentedFrames: number) {
    const callbackAt = performance.now();
    const v = this.video;
    if (!v || v.videoWidth === 0) return;
    if (this.busy) {
      this.options.onFrame?.({ captureTime, presentedFrames, callbackAt, decoded: false, found: 0, decodeMs: 0 });
      return;
    }
    this.busy = true;
    this.options.decoder
      .decodeVideo(v)
      .then(async (texts) => {
        const decodedAt = performance.now();
        this.options.onFrame?.({
          captureTime,
          presentedFrames,
          callbackAt,
          decoded: true,
          found: texts.length,
          decodeMs: decodedAt - callbackAt,
        });
        for (const text of texts) await this.options.onHit({ text, captureTime, callbackAt, decodedAt });
      })
      .catch((e) => this.options.onError?.(e))
      .finally(() => {
        this.busy = false;
      });
  }
}
