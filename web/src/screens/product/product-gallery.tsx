import { Group, Image, Stack, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProductImage } from '../../components/product-image';

type Props = { images: { id: string; url: string }[]; title: string };

export const ProductGallery = ({ images, title }: Props) => {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const current = images[index] ?? images[0];
  return (
    <Stack gap="xs">
      {/* Without photos a full square placeholder would only push the prices down. */}
      <ProductImage url={current?.url ?? null} alt={title} ratio={current ? 1 : 2} />
      {images.length > 1 && (
        <Group gap="xs">
          {images.map((image, i) => (
            <UnstyledButton
              key={image.id}
              onClick={() => setIndex(i)}
              aria-label={t('product.showImage', { number: i + 1 })}
              aria-pressed={i === index}
              style={{
                border: `2px solid ${i === index ? 'var(--mantine-color-lane-7)' : 'transparent'}`,
                borderRadius: 6,
              }}
            >
              <Image src={image.url} alt="" w={56} h={56} fit="cover" radius="sm" />
            </UnstyledButton>
          ))}
        </Group>
      )}
    </Stack>
  );
};
