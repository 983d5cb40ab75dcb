/** A grey cell crop, 0 = black ink, 255 = paper, row-major. Its own file: image code below the reader's types uses it. */
export interface CellImage {
  width: number;
  height: number;
  data: Uint8Array;
}
