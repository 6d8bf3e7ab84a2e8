import { useEffect, useRef, useState } from 'react';
import { fileStamp } from './files';
import './capture.css';

export type CapturedFile = { name: string; type: string; blob: Blob };

type Status =
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

function pickMimeType(): string | undefined {
  if (typeof MediaRecorder.isTypeSupported !== 'function') return undefined;
  return PREFERRED_TYPES.find((t) => MediaRecorder.isTypeSupported(t));
}

/** File extension for a recorder MIME type ("audio/webm;codecs=opus" → "webm"). */
export function audioExtension(mimeType: string): string {
  const base = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (base === 'audio/mp4' || base === 'audio/x-m4a' || base === 'audio/aac') return 'm4a';
  if (base === 'audio/ogg') return 'ogg';
  if (base === 'audio/mpeg') return 'mp3';
  if (base === 'audio/wav' || base === 'audio/wave') return 'wav';
  return 'webm';
}

/** `audio-2025-06-03_14-05-09.webm` (local time): sortable, and no characters file systems reject. */
export function recordingFileName(mimeType: string, at: Date): string {
  return `audio-${fileStamp(at)}.${audioExtension(mimeType)}`;
}

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function microphoneError(error: unknown): string {
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

const stopTracks = (stream: MediaStream | null) => stream?.getTracks().forEach((t) => t.stop());
const makeUrl = (blob: Blob) => (typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : null);
const revokeUrl = (url: string | null) => {
  if (url && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
};

/**
 * Record a voice note or professional discussion in the page (MediaRecorder + getUserMedia), play it back,
 * then hand it to the parent with "Use this recording". Works offline; needs a secure context (https or
 * localhost) for the microphone.
 */
export function AudioRecorder({ onRecording }: { onRecording(file: CapturedFile): void }) {
  const [supported] = useState(recordingSupported);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const recorderRef = useRef<MediaRecorder | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const clipUrlRef = useRef<string | null>(null);
  const mountedRef = useRef(true);

  // Tick the elapsed time while recording.
  useEffect(() => {
    if (status.kind !== 'recording') return;
    const timer = window.setInterval(() => setElapsed((Date.now() - status.startedAt) / 1000), 250);
    return () => window.clearInterval(timer);
  }, [status]);

  // On unmount: stop the microphone (the browser's "recording" indicator must go off) and free the clip.
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      const recorder = recorderRef.current;
      recorderRef.current = null;
      if (recorder && recorder.state !== 'inactive') recorder.stop();
      stopTracks(streamRef.current);
      streamRef.current = null;
      revokeUrl(clipUrlRef.current);
      clipUrlRef.current = null;
    };
  }, []);

  const setClipUrl = (url: string | null) => {
    revokeUrl(clipUrlRef.current);
    clipUrlRef.current = url;
  };

  const start = async () => {
    setClipUrl(null);
    setStatus({ kind: 'starting' });
    setAnnouncement('');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      if (mountedRef.current) setStatus({ kind: 'error', message: microphoneError(error) });
      return;
    }
    if (!mountedRef.current) {
      stopTracks(stream);
      return;
    }
    let recorder: MediaRecorder;
    try {
      const mimeType = pickMimeType();
      recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    } catch {
      stopTracks(stream);
      setStatus({ kind: 'error', message: 'Audio recording is not supported by this browser.' });
      return;
    }
    streamRef.current = stream;
    recorderRef.current = recorder;
    const chunks: Blob[] = [];
    const startedAt = Date.now();
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    recorder.onerror = () => {
      stopTracks(stream);
      if (streamRef.current === stream) streamRef.current = null;
      if (recorderRef.current === recorder) recorderRef.current = null;
      if (mountedRef.current) setStatus({ kind: 'error', message: 'Recording stopped because of a microphone error.' });
    };
    recorder.onstop = () => {
      stopTracks(stream);
      if (streamRef.current === stream) streamRef.current = null;
      if (recorderRef.current === recorder) recorderRef.current = null;
      if (!mountedRef.current) return;
      const type = recorder.mimeType || chunks[0]?.type || 'audio/webm';
      const blob = new Blob(chunks, { type });
      const seconds = (Date.now() - startedAt) / 1000;
      if (blob.size === 0) {
        setStatus({ kind: 'error', message: 'Nothing was recorded. Check the microphone and try again.' });
        return;
      }
      const url = makeUrl(blob);
      setClipUrl(url);
      setElapsed(seconds);
      setStatus({ kind: 'recorded', blob, url, seconds });
      setAnnouncement(`Recording stopped, ${formatDuration(seconds)} long. Play it back, then use it or discard it.`);
    };
    // A timeslice keeps data flowing, so a long recording is not held in one buffer until stop.
    recorder.start(1000);
    setElapsed(0);
    setStatus({ kind: 'recording', startedAt });
    setAnnouncement('Recording started.');
  };

  const stop = () => {
    const recorder = recorderRef.current;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  };

  const discard = () => {
    setClipUrl(null);
    setElapsed(0);
    setStatus({ kind: 'idle' });
    setAnnouncement('Recording discarded.');
  };

  const use = () => {
    if (status.kind !== 'recorded') return;
    const type = status.blob.type || 'audio/webm';
    onRecording({ name: recordingFileName(type, new Date()), type, blob: status.blob });
    setClipUrl(null);
    setElapsed(0);
    setStatus({ kind: 'idle' });
    setAnnouncement('Recording added to the files.');
  };

  if (!supported) {
    return (
      <section className="audio-recorder" aria-label="Audio recorder">
        <p className="meta">
          Audio recording is not available on this device
          {typeof window !== 'undefined' && window.isSecureContext === false
            ? ' (the microphone needs a secure https connection)'
            : ''}
          . You can still add an audio file with “Add file”.
        </p>
      </section>
    );
  }

  return (
    <section className="audio-recorder" aria-label="Audio recorder">
      <div className="capture-row">
        {status.kind === 'recording' ? (
          <button type="button" className="capture-button recording" onClick={stop}>
            <span aria-hidden="true">■</span> Stop recording
          </button>
        ) : (
          <button
            type="button"
            className="capture-button"
            onClick={() => void start()}
            disabled={status.kind === 'starting'}
          >
            <span aria-hidden="true">●</span> {status.kind === 'recorded' ? 'Record again' : 'Record audio'}
          </button>
        )}
        {(status.kind === 'recording' || status.kind === 'recorded') && (
          <span className="audio-elapsed">
            <span className="visually-hidden">{status.kind === 'recording' ? 'Recording for ' : 'Length '}</span>
            <span role="timer">{formatDuration(elapsed)}</span>
          </span>
        )}
        {status.kind === 'starting' && <span className="meta">Waiting for the microphone…</span>}
      </div>

      {status.kind === 'recorded' && (
        <div className="audio-clip">
          {status.url && <audio controls src={status.url} aria-label="Recorded clip" />}
          <div className="capture-row">
            <button type="button" onClick={use}>
              Use this recording
            </button>
            <button type="button" className="secondary" onClick={discard}>
              Discard
            </button>
          </div>
        </div>
      )}

      {status.kind === 'error' && (
        <p className="alert" role="alert">
          {status.message}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
