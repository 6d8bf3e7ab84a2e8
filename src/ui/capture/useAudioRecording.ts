import { useEffect, useRef, useState } from 'react';
import {
  formatDuration,
  makeUrl,
  microphoneError,
  recorderFor,
  recordingFileName,
  revokeUrl,
  stopTracks,
  type CapturedFile,
  type RecorderStatus,
} from './recording';

/**
 * The recorder's state: start, stop, then use or discard the clip; what a screen reader is told at each step;
 * the elapsed time. On unmount the microphone is stopped and the clip freed.
 */
export function useAudioRecording(onRecording: (file: CapturedFile) => void) {
  const [status, setStatus] = useState<RecorderStatus>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const { recorderRef, streamRef, clipUrlRef, mountedRef } = useRecorderSession();
  useElapsedTime(status, setElapsed);

  const setClipUrl = (url: string | null) => {
    revokeUrl(clipUrlRef.current);
    clipUrlRef.current = url;
  };
  const release = (stream: MediaStream, recorder: MediaRecorder) => {
    if (streamRef.current === stream) streamRef.current = null;
    if (recorderRef.current === recorder) recorderRef.current = null;
  };
  const showClip = (recorder: MediaRecorder, chunks: Blob[], startedAt: number) => {
    const blob = new Blob(chunks, { type: recorder.mimeType || chunks[0]?.type || 'audio/webm' });
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

  const start = async () => {
    setClipUrl(null);
    setStatus({ kind: 'starting' });
    setAnnouncement('');
    const stream = await openMicrophone(mountedRef, setStatus);
    if (!stream) return;
    let session: ReturnType<typeof recorderFor>;
    try {
      session = recorderFor(stream, {
        failed(recorder, message) {
          release(stream, recorder);
          if (mountedRef.current) setStatus({ kind: 'error', message });
        },
        stopped(recorder, chunks, startedAt) {
          release(stream, recorder);
          if (mountedRef.current) showClip(recorder, chunks, startedAt);
        },
      });
    } catch {
      stopTracks(stream);
      setStatus({ kind: 'error', message: 'Audio recording is not supported by this browser.' });
      return;
    }
    streamRef.current = stream;
    recorderRef.current = session.recorder;
    // A timeslice keeps data flowing, so a long recording is not held in one buffer until stop.
    session.recorder.start(1000);
    setElapsed(0);
    setStatus({ kind: 'recording', startedAt: session.startedAt });
    setAnnouncement('Recording started.');
  };

  const stop = () => {
    const recorder = recorderRef.current;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  };
  const reset = (message: string) => {
    setClipUrl(null);
    setElapsed(0);
    setStatus({ kind: 'idle' });
    setAnnouncement(message);
  };
  const discard = () => reset('Recording discarded.');
  const use = () => {
    if (status.kind !== 'recorded') return;
    const type = status.blob.type || 'audio/webm';
    onRecording({ name: recordingFileName(type, new Date()), type, blob: status.blob });
    reset('Recording added to the files.');
  };
  return { status, elapsed, announcement, start, stop, discard, use };
}

/** The live recorder, stream and clip; on unmount the microphone is stopped and the clip freed. */
function useRecorderSession() {
  const recorderRef = useRef<MediaRecorder | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const clipUrlRef = useRef<string | null>(null);
  const mountedRef = useRef(true);
  // The browser's "recording" indicator must go off when the recorder leaves the page.
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
  return { recorderRef, streamRef, clipUrlRef, mountedRef };
}

/** Ticks the elapsed time while recording. */
function useElapsedTime(status: RecorderStatus, setElapsed: (seconds: number) => void) {
  useEffect(() => {
    if (status.kind !== 'recording') return;
    const timer = window.setInterval(() => setElapsed((Date.now() - status.startedAt) / 1000), 250);
    return () => window.clearInterval(timer);
  }, [status, setElapsed]);
}

/** The microphone's stream, or null when it is refused (the error shown) or the recorder has gone meanwhile. */
async function openMicrophone(
  mountedRef: { current: boolean },
  setStatus: (status: RecorderStatus) => void,
): Promise<MediaStream | null> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (error) {
    if (mountedRef.current) setStatus({ kind: 'error', message: microphoneError(error) });
    return null;
  }
  if (!mountedRef.current) {
    stopTracks(stream);
    return null;
  }
  return stream;
}
