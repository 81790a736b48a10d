import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

/**
 * A Y4M file for Chromium's fake capture device (`--use-file-for-fake-video-capture`): the given page as a grey
 * 4:2:0 picture, repeated for a few frames (Chromium loops the file). No ffmpeg: a plain header and raw planes.
 */
export async function writePageY4m(path: string, page: Uint8Array, width = 1600, height = 1200): Promise<void> {
  const luma = await sharp(page).greyscale().resize(width, height, { fit: 'contain', background: '#ffffff' }).raw().toBuffer();
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, frame, frame, frame]));
}
