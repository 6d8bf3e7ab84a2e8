// The one media-type helper: parameters and case cannot disguise an active type, and download names are safe.
import { describe, expect, it } from 'vitest';
import { mediaDisplay, mediaExtension, parseMediaType, safeDownloadName } from '../../../src/domain';

describe('parseMediaType', () => {
  it('reduces a type to its lower-case essence, whatever its parameters and spacing', () => {
    expect(parseMediaType('image/svg+xml; charset=utf-8')).toEqual({
      type: 'image',
      subtype: 'svg+xml',
      essence: 'image/svg+xml',
    });
    expect(parseMediaType(' IMAGE/SVG+XML ;charset=UTF-8')?.essence).toBe('image/svg+xml');
    expect(parseMediaType('audio/webm;codecs=opus')?.essence).toBe('audio/webm');
  });

  it('is null for text that is not a media type', () => {
    for (const bad of ['', 'image', 'image/', '/png', 'image/png/x', 'image /png', 'im age/png', '<b>/x'])
      expect(parseMediaType(bad), bad).toBeNull();
  });
});

describe('mediaDisplay: only what <img>, <audio> and <video> play is shown', () => {
  it('shows raster images, audio and video, parameters and case notwithstanding', () => {
    expect(mediaDisplay('image/png')).toBe('image');
    expect(mediaDisplay('IMAGE/JPEG; q=0.9')).toBe('image');
    expect(mediaDisplay('video/mp4')).toBe('video');
    expect(mediaDisplay('audio/webm;codecs=opus')).toBe('audio');
  });

  it('offers SVG in every spelling, HTML, XHTML, XML, PDF and anything else only as a download', () => {
    const active = [
      'image/svg+xml',
      'image/svg+xml; charset=utf-8',
      'Image/SVG+XML',
      'image/svg+xml ;charset=utf-8',
      'image/svg',
      'image/x-svg',
      'image/x-svg+xml',
      'text/html',
      'TEXT/HTML; charset=utf-8',
      'application/xhtml+xml',
      'text/xml',
      'application/xml',
      'application/pdf',
      'image/heic',
      'text/plain',
      'application/octet-stream',
      'image/png/../../text/html',
      '',
      'nonsense',
    ];
    for (const type of active) expect(mediaDisplay(type), type).toBe('download');
  });
});

describe('safe extensions and download names', () => {
  it('takes the extension from the safe list by parsed type, "bin" for anything off it', () => {
    expect(mediaExtension('image/jpeg; x=1')).toBe('jpg');
    expect(mediaExtension('audio/mp4')).toBe('m4a');
    expect(mediaExtension('text/html')).toBeNull();
    expect(mediaExtension('application/x-msdownload')).toBeNull();
    expect(safeDownloadName('page.html', 'text/html', 'evidence')).toBe('page.bin');
    expect(safeDownloadName('run.exe', 'application/x-msdownload', 'evidence')).toBe('run.bin');
    expect(safeDownloadName('drawing.svg', 'image/svg+xml; charset=utf-8', 'evidence')).toBe('drawing.svg');
    expect(safeDownloadName('photo.html', 'image/png', 'evidence')).toBe('photo.png');
  });

  it('leaves no path, control or direction-changing characters, nor a hidden or empty name', () => {
    expect(safeDownloadName('../../etc/passwd.png', 'image/png', 'evidence')).toBe('_.._etc_passwd.png');
    expect(safeDownloadName('C:\\Users\\me\\x.png', 'image/png', 'evidence')).toBe('C_Users_me_x.png');
    expect(safeDownloadName('a\u0000b\nc\u007f.png', 'image/png', 'evidence')).toBe('a_b_c_.png');
    expect(safeDownloadName('invoice\u202Egnp.exe', 'image/png', 'evidence')).toBe('invoice_gnp.png');
    expect(safeDownloadName('.bashrc', 'text/plain', 'evidence')).toBe('bashrc.txt');
    expect(safeDownloadName('...', 'image/png', 'evidence')).toBe('evidence.png');
    expect(safeDownloadName('', 'text/html', 'evidence-1234')).toBe('evidence-1234.bin');
    expect(safeDownloadName('x'.repeat(300) + '.png', 'image/png', 'e')).toBe('x'.repeat(100) + '.png');
  });
});
