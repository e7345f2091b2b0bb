import { AspectRatio, Box, Image } from '@mantine/core';

type Props = { url: string | null; alt: string; ratio?: number };

/** Product photo, or a lettered tile when the supplier uploaded none. */
export const ProductImage = ({ url, alt, ratio = 4 / 3 }: Props) => (
  <AspectRatio ratio={ratio}>
    {url ? (
      <Image src={url} alt={alt} fit="cover" loading="lazy" />
    ) : (
      // The title is already next to it, so the placeholder is decorative.
      <Box className="image-placeholder" aria-hidden="true">
        {alt.trim().charAt(0).toUpperCase()}
      </Box>
    )}
  </AspectRatio>
);
