import { createContext, useContext } from "react";

// The CSP nonce travels through React context, never through loader data, so it is not
// serialised into the page where injected markup could read it.
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
