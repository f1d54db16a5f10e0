/** What a flow does with the yes or no to the question it asked: one entry per question kind in question-table.ts. */
import type { Reply } from '../turn';
import type { TurnContext } from './context';
import type { QuestionKind, QuestionOf } from './questions';

export interface QuestionAnswers<K extends QuestionKind> {
  yes(ctx: TurnContext, question: QuestionOf<K>): Promise<Reply>;
  no(ctx: TurnContext, question: QuestionOf<K>): Promise<Reply>;
  /**
   * For a question that is not yes-or-no ("which one?"): the reply when this turn picks one of the choices the
   * question stored, undefined when the turn is no answer to it (the engine then routes it as usual).
   */
  choose?(ctx: TurnContext, question: QuestionOf<K>): Promise<Reply | undefined>;
}

export type AnswerTable = { [K in QuestionKind]: QuestionAnswers<K> };
