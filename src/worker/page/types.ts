// Shared shapes of the page-cleaning steps. Pure data: no DOM, no I/O, so
// every step runs the same in the image worker, in Node tests and the bench.

/** One byte a pixel, 0 black to 255 white, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** One byte a pixel: 1 where there is ink, 0 for paper. */
export interface InkImage {
  width: number;
  height: number;
  ink: Uint8Array;
}

export interface Point {
  x: number;
  y: number;
}

/** Corners of a page in the photo: top left, top right, bottom right, bottom left. */
export type Quad = readonly [Point, Point, Point, Point];

/** Called with 0 to 1 as a long step goes on. */
export type Progress = (fraction: number) => void;
