import type { AppError } from '../../../shared/ipc/result';

import type { ReactNode } from 'react';

interface BannerProps {
  error: AppError | null;
  onDismiss: () => void;
  /** The way out of this error, shown beside its message (before Dismiss). */
  action?: ReactNode;
}

export function ErrorBanner({ error, onDismiss, action }: BannerProps) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <span>{error.message}</span>
      {action}
      <button type="button" className="btn btn-ghost btn-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
