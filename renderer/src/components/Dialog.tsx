import type { ReactNode } from 'react';

/**
 * A modal dialog over the screen: a panel with its title (which names the dialog) and what follows it. Focus stays
 * inside (data-focus-scope); the caller's buttons close it.
 */
export function Dialog({
  id,
  title,
  testId,
  className,
  children,
}: {
  /** The title's element id, `<id>-title`, which labels the dialog. */
  id: string;
  title: ReactNode;
  testId: string;
  /** Classes beside `overlay`. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `overlay ${className}` : 'overlay'}
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      data-focus-scope
      data-testid={testId}
    >
      <div className="panel">
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
