/** The card's translator as a Preact context (English unless the host passes the reader's locale). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type Tr } from '../core/words';

export const TrContext = createContext<Tr>(en);
export const useTr = (): Tr => useContext(TrContext);
