import { memo, useMemo } from 'react';
import { channelSlice, type Extent } from '../compute/lesson/stepData';
import { mapDataUrl, type LessonPalette } from './stepColours';

/** One channel of an H×W×C tensor as a crisp, scaled-up image with a text alternative. */
export const ChannelMapImage = memo(function ChannelMapImage(props: {
  data: Float32Array;
  shape: [number, number, number];
  channel: number;
  domain: Extent;
  size: number;
  alt: string;
  palette?: LessonPalette;
}) {
  const { data, shape, channel, domain, size, alt, palette = 'diverging' } = props;
  const url = useMemo(
    () => mapDataUrl(channelSlice(data, shape, channel), shape[0], shape[1], domain, palette),
    [data, shape, channel, domain, palette],
  );
  return <img className="lesson-map" src={url || undefined} width={size} height={size} alt={alt} />;
});
