import { Component, computed, input } from '@angular/core';
import qrcode from 'qrcode-generator';
import { TranslatePipe } from '../i18n/i18n';

/** Modules of white border around the code, as the QR standard asks for (scanners need it). */
const QUIET_ZONE = 4;

/** The dark modules of a QR code for the text (error correction M: still reads with a smudged screen). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/** One SVG path of unit squares, offset by the quiet zone; the view box is the matrix plus the zone on each side. */
export function qrPath(matrix: readonly boolean[][]): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`)));
  return parts.join('');
}

/**
 * The QR code for a check's short link, drawn as SVG in the browser (no image request, sharp at any size, so the
 * ambassador can show it on a tablet or projector). Screen readers get the link and the code, letter by letter.
 */
@Component({
  selector: 'k-qr-code',
  imports: [TranslatePipe],
  template: `
    <svg
      class="qr"
      role="img"
      [attr.aria-label]="'checks.qr.alt' | t: { url: url(), code: spelledCode() }"
      [attr.viewBox]="'0 0 ' + side() + ' ' + side()"
      [attr.data-url]="url()"
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect [attr.width]="side()" [attr.height]="side()" fill="#fff" />
      <path [attr.d]="path()" fill="#000" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    .qr {
      display: block;
      width: var(--qr-size, 10rem);
      height: auto;
    }
  `,
})
export class QrCode {
  /** What the code holds: the full short link. */
  readonly url = input.required<string>();
  /** The check code, read out in the text alternative. */
  readonly code = input.required<string>();
  private readonly matrix = computed(() => qrMatrix(this.url()));
  protected readonly side = computed(() => this.matrix().length + 2 * QUIET_ZONE);
  protected readonly path = computed(() => qrPath(this.matrix()));
  protected readonly spelledCode = computed(() => this.code().split('').join(' '));
}
