// Renders public/icon.svg to the PNG sizes the web app manifest lists (run after editing the SVG).
import sharp from 'sharp';

for (const size of [192, 512]) {
  await sharp('public/icon.svg', { density: 144 }).resize(size, size).png().toFile(`public/icon-${size}.png`);
}
