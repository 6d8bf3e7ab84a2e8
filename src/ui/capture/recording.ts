// Audio recording without React: formats, file names, microphone errors, and one MediaRecorder session.
import { mediaExtension } from '../../domain';
import { fileStamp } from './files';

export type CapturedFile = { name: string; type: string; blob: Blob };

export type RecorderStatus =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'recording'; startedAt: number }
  | { kind: 'recorded'; blob: Blob; url: string | null; seconds: number }
  | { kind: 'error'; message: string };

/** Recorder formats in order of preference; Safari supports only audio/mp4, so it falls through to it. */
const PREFERRED_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

export function recordingSupported(): boolean {
  return (
    typeof MediaRecorder === 'function' &&
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function'
  );
}

export function pickMimeType(): string | undefined {
  if (typeof MediaRecorder.isTypeSupported !== 'function') return undefined;
  return PREFERRED_TYPES.find((t) => MediaRecorder.isTypeSupported(t));
}

/** File extension for a recorder MIME type ("audio/webm;codecs=opus" → "webm"). */
export const audioExtension = (mimeType: string): string => mediaExtension(mimeType) ?? 'webm';

/** `audio-2025-06-03_14-05-09.webm` (local time): sortable, and no characters file systems reject. */
export function recordingFileName(mimeType: string, at: Date): string {
  return `audio-${fileStamp(at)}.${audioExtension(mimeType)}`;
}

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function microphoneError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'Microphone permission was denied. Allow microphone access for this site in your browser settings, then try again.';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found on this device.';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'The microphone could not be started. It may be in use by another app; close that app and try again.';
    default:
      return 'The microphone is unavailable, so audio could not be recorded.';
  }
}

export const stopTracks = (stream: MediaStream | null) => stream?.getTracks().forEach((t) => t.stop());
export const makeUrl = (blob: Blob) => (typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : null);
export const revokeUrl = (url: string | null) => {
  if (url && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
};

export interface RecordingEvents {
  /** The recorder stopped: `chunks` hold the clip recorded since `startedAt` (Date.now()). */
  stopped(recorder: MediaRecorder, chunks: Blob[], startedAt: number): void;
  failed(recorder: MediaRecorder, message: string): void;
}

/**
 * A MediaRecorder on `stream` (not started) that collects its data and always stops the stream's tracks when it
 * ends, so the browser's "recording" indicator goes off. Throws if the browser cannot record.
 */
export function recorderFor(
  stream: MediaStream,
  events: RecordingEvents,
): { recorder: MediaRecorder; startedAt: number } {
  const mimeType = pickMimeType();
  const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
  const chunks: Blob[] = [];
  const startedAt = Date.now();
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  recorder.onerror = () => {
    stopTracks(stream);
    events.failed(recorder, 'Recording stopped because of a microphone error.');
  };
  recorder.onstop = () => {
    stopTracks(stream);
    events.stopped(recorder, chunks, startedAt);
  };
  return { recorder, startedAt };
}
