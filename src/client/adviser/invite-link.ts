// Pure helpers for the "Invite a client" panel: the code as people read it,
// the link a client opens, and a QR code of that link as a data: URL image.
// The CSP forbids inline styles and we never use innerHTML, so the QR code is
// an SVG inside <img src="data:image/svg+xml,…">: no markup enters the page.
import qrcode from 'qrcode-generator';

/** 'K7M2QX9PD' → 'K7M-2QX-9PD' (groups of three, easy to read aloud). */
export function formatCode(code: string): string {
  const clean = code.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return clean.match(/.{1,3}/g)?.join('-') ?? '';
}

/**
 * The link a client opens to connect. Everything is in the fragment (#), so
 * the code and fingerprint never reach a server log.
 */
export function inviteLink(origin: string, code: string, fingerprint: string): string {
  const base = origin.replace(/\/+$/, '');
  const params = new URLSearchParams({ code: code.replace(/[^0-9A-Za-z]/g, '').toUpperCase(), fp: fingerprint });
  return `${base}/connect#${params.toString()}`;
}

/** A plain SVG of the QR code: one black path on white, with a 4-module quiet zone. */
export function qrSvg(text: string): string {
  const qr = qrcode(0, 'M'); // 0: the smallest version that fits
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 4;
  const size = count + quiet * 2;
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/>` +
    `<path d="${path}" fill="#000"/>` +
    `</svg>`
  );
}

/** The QR code of `text` as a data: URL for an <img>. */
export function qrSvgDataUrl(text: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(text))}`;
}
