import { decodeImageData, FrameGrabber, prepareDecoder } from './zxing.js';

/** The worker path of the decoder (decoder.ts): frames in, texts out. */

interface Request {
  id: number;
  frame?: VideoFrame;
  width: number;
  height: number;
  buffer?: ArrayBuffer;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};
const grabber = new FrameGrabber();
void prepareDecoder();

scope.onmessage = async (e) => {
  const { id, frame, width, height, buffer } = e.data;
  try {
    await prepareDecoder();
    let image: ImageData;
    if (frame) {
      try {
        image = grabber.grab(frame, frame.displayWidth || width, frame.displayHeight || height);
      } finally {
        frame.close();
      }
    } else {
      image = new ImageData(new Uint8ClampedArray(buffer as ArrayBuffer), width, height);
    }
    scope.postMessage({ id, texts: await decodeImageData(image) });
  } catch (err) {
    scope.postMessage({ id, error: String(err) });
  }
};
