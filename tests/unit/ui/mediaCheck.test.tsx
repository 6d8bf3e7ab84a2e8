// @vitest-environment jsdom
// Media checked on capture (issue 13, point 14): a 0-byte file and a text file renamed .jpg are not taken as photos;
// what is wrong is said in words, and a file with content may be kept as a plain file (a product) instead.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { MediaCapture } from '../../../src/ui/capture/MediaCapture';
import type { CapturedFile } from '../../../src/ui/capture/recording';

const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeEach(() => {
  // The browser's decoder, as far as this test goes: PNG signatures decode, anything else does not.
  vi.stubGlobal('createImageBitmap', async (blob: Blob) => {
    const head = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob);
    });
    if (head[0] !== 0x89 || head[1] !== 0x50) throw new DOMException('The source image could not be decoded.');
    return { width: 1, height: 1, close: () => undefined };
  });
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:fake'), revokeObjectURL: vi.fn() }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup() {
  const onFiles = vi.fn<(files: CapturedFile[]) => void>();
  render(<MediaCapture onFiles={onFiles} downscalePhotos={false} />);
  const choose = (file: File) => fireEvent.change(screen.getByLabelText('Add file'), { target: { files: [file] } });
  return { onFiles, choose };
}

it('a text file renamed .jpg: said in words, not added; kept as a plain file when asked', async () => {
  const { onFiles, choose } = setup();
  choose(new File(['just some notes'], 'gate.jpg', { type: 'image/jpeg' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('gate.jpg is not a picture this device can open');
  expect(onFiles).not.toHaveBeenCalled();
  expect(screen.getByText('Chosen files (0)')).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: 'Keep gate.jpg as a plain file' }));
  expect(onFiles.mock.calls.at(-1)![0]).toMatchObject([{ name: 'gate.jpg', type: 'application/octet-stream' }]);
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.getByText('Chosen files (1)')).toBeTruthy();
});

it('a 0-byte photo: said to be empty, with nothing to keep', async () => {
  const { onFiles, choose } = setup();
  choose(new File([], 'empty.jpg', { type: 'image/jpeg' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('empty.jpg is empty (0 bytes)');
  expect(screen.queryByRole('button', { name: /Keep empty\.jpg/ })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Discard empty.jpg' }));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(onFiles).not.toHaveBeenCalled();
});

it('a real picture is added as it is', async () => {
  const { onFiles, choose } = setup();
  choose(new File([PNG_BYTES], 'real.png', { type: 'image/png' }));
  await waitFor(() => expect(onFiles).toHaveBeenCalled());
  expect(onFiles.mock.calls.at(-1)![0]).toMatchObject([{ name: 'real.png', type: 'image/png' }]);
  expect(screen.queryByRole('alert')).toBeNull();
});
