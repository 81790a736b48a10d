import type { ButtonHTMLAttributes } from 'react';

/** The one button: ≥ 64 px target, pressed feedback on pointerdown (CSS :active), keyboard focus ring. */
export function Button({ variant, className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'danger' }) {
  return <button type="button" className={['btn', variant ?? '', className ?? ''].join(' ').trim()} {...rest} />;
}
