import type { MethodName, ParsedRequestOf, ResponseOf } from '../../../shared/contract/api';
import type { Result } from '../../../shared/contract/define';
import type { EngineContext } from '../engine';

export type Handler<M extends MethodName> = (request: ParsedRequestOf<M>, ctx: EngineContext) => Promise<Result<ResponseOf<M>>>;

/** A handler for a subset of the methods; the dispatcher's type demands that together they cover every method. */
export type HandlerSet<M extends MethodName> = { [K in M]: Handler<K> };
