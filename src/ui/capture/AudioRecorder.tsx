import { useState } from 'react';
import { formatDuration, recordingSupported, type CapturedFile } from './recording';
import { useAudioRecording } from './useAudioRecording';
import './capture.css';

/**
 * Record a voice note or professional discussion in the page (MediaRecorder + getUserMedia), play it back,
 * then hand it to the parent with "Use this recording". Works offline; needs a secure context (https or
 * localhost) for the microphone.
 */
export function AudioRecorder({ onRecording }: { onRecording(file: CapturedFile): void }) {
  const [supported] = useState(recordingSupported);
  const recording = useAudioRecording(onRecording);
  const { status, announcement } = recording;
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
      <RecordControls {...recording} />
      {status.kind === 'recorded' && (
        <div className="audio-clip">
          {status.url && <audio controls src={status.url} aria-label="Recorded clip" />}
          <div className="capture-row">
            <button type="button" onClick={recording.use}>
              Use this recording
            </button>
            <button type="button" className="secondary" onClick={recording.discard}>
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

type RecordControlsProps = Pick<ReturnType<typeof useAudioRecording>, 'status' | 'elapsed' | 'start' | 'stop'>;

/** Record or stop, the time recorded, and a note while the microphone is being opened. */
function RecordControls({ status, elapsed, start, stop }: RecordControlsProps) {
  return (
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
  );
}
