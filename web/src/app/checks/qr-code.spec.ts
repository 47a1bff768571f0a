import { TestBed } from '@angular/core/testing';
import jsQR from 'jsqr';
import { QrCode, qrMatrix } from './qr-code';

/** Draws the matrix as a grey-scale RGBA bitmap (with the quiet zone), as a camera would see the screen. */
function bitmap(matrix: boolean[][], scale = 4): { data: Uint8ClampedArray; width: number } {
  const quiet = 4;
  const width = (matrix.length + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  matrix.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const offset = (((y + quiet) * scale + dy) * width + (x + quiet) * scale + dx) * 4;
          data[offset] = data[offset + 1] = data[offset + 2] = 0;
        }
      }
    }),
  );
  return { data, width };
}

describe('QrCode', () => {
  it('encodes the short link so that a QR reader gets the link back', () => {
    const url = 'https://kunna.example.se/m/SOLEFTER';
    const { data, width } = bitmap(qrMatrix(url));
    expect(jsQR(data, width, width)?.data).toBe(url);
    const other = bitmap(qrMatrix('https://kunna.example.se/m/ANNAN123'));
    expect(jsQR(other.data, other.width, other.width)?.data).not.toBe(url);
  });

  it('renders an SVG of that link with a text alternative naming the link and the code', async () => {
    TestBed.configureTestingModule({});
    const fixture = TestBed.createComponent(QrCode);
    fixture.componentRef.setInput('url', 'https://kunna.example.se/m/SOLEFTER');
    fixture.componentRef.setInput('code', 'SOLEFTER');
    await fixture.whenStable();
    const svg = (fixture.nativeElement as HTMLElement).querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('data-url')).toBe('https://kunna.example.se/m/SOLEFTER');
    expect(svg?.getAttribute('aria-label')).toBe('QR-kod till länken https://kunna.example.se/m/SOLEFTER, kod S O L E F T E R');
    const size = qrMatrix('https://kunna.example.se/m/SOLEFTER').length + 8;
    expect(svg?.getAttribute('viewBox')).toBe(`0 0 ${size} ${size}`);
    expect(svg?.querySelector('path')?.getAttribute('d')).toMatch(/^M4 4h1v1h-1z/);
  });
});
