import { useMatterName } from './useMatterName.js';

/** A matter's name in the session's language where the platform translated it, else its Chinese name (list items). */
export function MatterName({ matter }: { matter: { id: string; name: string } }) {
  return <>{useMatterName(matter)}</>;
}
