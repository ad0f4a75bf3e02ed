import type { AppError } from '../../../shared/ipc/result';

interface BannerProps {
  error: AppError | null;
  onDismiss: () => void;
}

export function ErrorBanner({ error, onDismiss }: BannerProps) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <span>{error.message}</span>
      <button type="button" className="btn btn-ghost btn-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
