import { decodeImageData, FrameGrabber, prepareDecoder } from './zxing.js';

/**
 * QR decoding with zxing-wasm, its .wasm served from this app (never a CDN: offline). Two
 * paths behind one interface:
 * - `main` (the default): the frame is drawn into a 640×480 canvas and decoded on the main
 *   thread inside the video frame callback. The result reaches the page in the same task,
 *   so the verdict can be painted in the very next frame.
 * - `worker`: the frame (a VideoFrame, transferred) is drawn and decoded in a worker; the
 *   main thread stays free, but every scan pays a message round trip and usually misses
 *   the frame being rendered (measured in docs/checkpoint.md).
 */

export interface FrameDecoder {
  readonly name: 'main' | 'worker';
  /** Decodes what the video shows now. */
  decodeVideo(video: HTMLVideoElement): Promise<string[]>;
  /** Decodes an image (warm-up). */
  decodeImage(image: ImageBitmap): Promise<string[]>;
  dispose(): void;
}

export function mainThreadDecoder(): FrameDecoder {
  const grabber = new FrameGrabber();
  return {
    name: 'main',
    async decodeVideo(video) {
      await prepareDecoder();
      return decodeImageData(grabber.grab(video, video.videoWidth, video.videoHeight));
    },
    async decodeImage(image) {
      await prepareDecoder();
      return decodeImageData(grabber.grab(image, image.width, image.height));
    },
    dispose() {},
  };
}

interface WorkerAnswer {
  id: number;
  texts?: string[];
  error?: string;
}

/** The worker path; falls back to grabbing the frame on the main thread without VideoFrame. */
export function workerDecoder(): FrameDecoder {
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (t: string[]) => void; reject: (e: Error) => void }>();
  let next = 1;
  worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    if (e.data.error) w.reject(new Error(e.data.error));
    else w.resolve(e.data.texts ?? []);
  };
  const grabber = new FrameGrabber();
  const send = (message: Record<string, unknown>, transfer: Transferable[]) =>
    new Promise<string[]>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  const sendImage = (img: ImageData) =>
    send({ width: img.width, height: img.height, buffer: img.data.buffer }, [img.data.buffer]);
  return {
    name: 'worker',
    decodeVideo(video) {
      if (typeof VideoFrame === 'function') {
        const frame = new VideoFrame(video, { timestamp: 0 });
        return send({ frame, width: video.videoWidth, height: video.videoHeight }, [frame]);
      }
      return sendImage(grabber.grab(video, video.videoWidth, video.videoHeight));
    },
    decodeImage(image) {
      return sendImage(grabber.grab(image, image.width, image.height));
    },
    dispose() {
      worker.terminate();
      for (const w of waiting.values()) w.reject(new Error('decoder stopped'));
      waiting.clear();
    },
  };
}
