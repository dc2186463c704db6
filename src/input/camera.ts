/** Webcam capture through getUserMedia. */
import { InputFailure } from './errors';
import { readPixels, type DecodedImage } from './decode';
import { fitWithin } from '../compute/resize';
import { LIMITS } from '../compute/limits';

export async function startCamera(video: HTMLVideoElement): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new InputFailure({ code: 'cameraUnavailable' });
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  } catch (e) {
    const name = (e as Error)?.name ?? '';
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new InputFailure({ code: 'cameraUnavailable' });
    throw new InputFailure({ code: 'camera', params: { reason: (e as Error)?.message || name || 'unknown' } });
  }
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  try {
    await video.play();
  } catch (e) {
    stopCamera(stream);
    throw new InputFailure({ code: 'camera', params: { reason: (e as Error)?.message ?? 'play failed' } });
  }
  return stream;
}

export function stopCamera(stream: MediaStream | null) {
  for (const t of stream?.getTracks() ?? []) t.stop();
}

/** The current video frame as an image. */
export function captureFrame(video: HTMLVideoElement): DecodedImage {
  const vw = video.videoWidth;
  const vh = video.videoHeight;
  if (!vw || !vh) throw new InputFailure({ code: 'camera', params: { reason: 'no frame yet' } });
  const fit = fitWithin(vw, vh, LIMITS.workingSide);
  return {
    rgba: readPixels(video, fit.w, fit.h),
    width: fit.w,
    height: fit.h,
    originalWidth: vw,
    originalHeight: vh,
    format: 'camera',
    orientation: 1,
    animated: false,
  };
}
