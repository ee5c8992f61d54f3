import type { SessionInfo } from '../../shared/contract/schemas';

export interface SessionSlice {
  session: SessionInfo | null;
  sessionError: string | null;
}

export const initialSessionState = (): SessionSlice => ({
  session: null,
  sessionError: null,
});
