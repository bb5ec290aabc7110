// A link as a QR code (data URL from the `qrcode` package), and the full-screen « Projeter le code ».
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { useCloseOnEscape } from '../dialog/useCloseOnEscape';

export function useQrDataUrl(text: string, width: number): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { width, margin: 1, errorCorrectionLevel: 'M' }).then(
      (data) => live && setUrl(data),
      () => live && setUrl(null),
    );
    return () => {
      live = false;
    };
  }, [text, width]);
  return url;
}

export function QrCode({
  text,
  label,
  size = 132,
}: {
  text: string;
  label: string;
  size?: number;
}) {
  const url = useQrDataUrl(text, size * 2);
  return url ? (
    <img className="qr" src={url} width={size} height={size} alt={label} />
  ) : (
    <span className="qr qr-empty" style={{ width: size, height: size }} />
  );
}

/** Full screen, white, as large as the screen allows: for the projector. */
export function ProjectedQr({
  text,
  title,
  onClose,
}: {
  text: string;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const url = useQrDataUrl(text, 1000);
  useCloseOnEscape(onClose);
  return (
    <div className="qr-projected" role="dialog" aria-modal="true" aria-label={title}>
      <h2>{title}</h2>
      {url && <img src={url} alt={title} />}
      <p className="qr-projected-url">{text}</p>
      <button type="button" onClick={onClose} autoFocus>
        {t('forum.links.closeProjection')}
      </button>
    </div>
  );
}
