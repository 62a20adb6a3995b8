import { useMemo } from 'react';
import { encode } from 'uqr';

/**
 * A QR code of `text` as an SVG drawn from the module grid (uqr, MIT, no dependencies): sharp at any print
 * resolution, black on white, with the quiet zone the standard asks for (4 modules).
 */
export function QrCode({ text, size, label, testId }: { text: string; size: string; label: string; testId?: string }) {
  const { path, modules } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 4 });
    const parts: string[] = [];
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) {
          parts.push(`M${x} ${y}h1v1h-1z`);
        }
      }),
    );
    return { path: parts.join(''), modules: qr.size };
  }, [text]);

  return (
    <svg
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid={testId}
      data-text={text}
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
