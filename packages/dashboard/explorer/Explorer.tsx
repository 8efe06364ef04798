/**
 * The API explorer (GraphiQL), bundled and served by the gateway at /explorer: it needs nothing but
 * the gateway, so it works on an intranet without Internet access, where Apollo Sandbox cannot load.
 * It speaks as the dashboard's signed-in user (the same credential, sign-in link and form), or as the
 * public until someone signs in; schema docs and history are GraphiQL's, the examples are ours.
 */
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { DocsIcon, pick, useGraphiQL, type GraphiQLPlugin } from "@graphiql/react";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { useState } from "react";
import { GRAPHQL_URL } from "../src/api";
import { credentialHeaders, credentialRefused, currentCredential, signOut, useAuth } from "../src/auth";
import { SignedIn, SignInForm } from "../src/SignIn";
import { EXAMPLES, FIRST_TABS } from "./examples";

/** Said when the public is refused (in production only signed-in callers may read the schema). */
const SIGN_IN_FOR_SCHEMA =
  "Máy chủ này chỉ trả lời yêu cầu đó cho người đã đăng nhập (ví dụ: lược đồ, tài liệu và gợi ý của trình khám phá). Vui lòng đăng nhập bằng mã truy cập (token) hoặc API key.";

/** Every request carries the signed-in user's credential, unless the Headers tab names one itself. */
const fetcher = createGraphiQLFetcher({
  url: GRAPHQL_URL,
  fetch: async (input, init) => {
    const credential = currentCredential();
    const headers = new Headers(init?.headers);
    const own = headers.has("authorization") || headers.has("x-api-key");
    if (!own) for (const [name, value] of Object.entries(credentialHeaders(credential))) headers.set(name, value);
    const response = await fetch(input, { ...init, headers });
    if (response.status === 401 && !own) {
      if (credential) credentialRefused(credential);
      else signOut(SIGN_IN_FOR_SCHEMA);
    }
    return response;
  },
});

function ExamplesPanel() {
  const { queryEditor, variableEditor } = useGraphiQL(pick("queryEditor", "variableEditor"));
  const open = (query: string, variables: string) => {
    queryEditor?.setValue(query);
    variableEditor?.setValue(variables);
  };
  return (
    <section className="kttt-examples" aria-label="Ví dụ">
      <div className="graphiql-doc-explorer-title">Ví dụ</div>
      <p>Các truy vấn mẫu của bảng điều khiển và của README (cùng thư mục docs/). Chọn một truy vấn để mở trong thẻ đang xem, rồi bấm ▶ để chạy.</p>
      {(["dashboard", "README"] as const).map((source) => (
        <div key={source}>
          <h3>{source === "dashboard" ? "Bảng điều khiển" : "README và docs/"}</h3>
          <ul>
            {EXAMPLES.filter((e) => e.source === source).map((e) => (
              <li key={e.title}>
                <button type="button" onClick={() => open(e.query, e.variables)}>
                  {e.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

const EXAMPLES_PLUGIN: GraphiQLPlugin = { title: "Ví dụ (examples)", icon: DocsIcon, content: ExamplesPanel };

function Account() {
  const { credential, notice } = useAuth();
  const [asking, setAsking] = useState(false);
  if (credential) return <SignedIn credential={credential} />;
  if (asking || notice) {
    return (
      <div className="kttt-sign-in">
        <SignInForm notice={notice} />
        <button type="button" onClick={() => setAsking(false)}>
          Đóng
        </button>
      </div>
    );
  }
  return (
    <div className="signed-in">
      <span>Chưa đăng nhập: chỉ xem được số liệu công khai.</span>
      <button type="button" onClick={() => setAsking(true)}>
        Đăng nhập
      </button>
    </div>
  );
}

/**
 * GraphiQL opens a first visit on the first of its default tabs but without that tab's variables
 * (graphiql 5.4): give them as the initial variables then, and only then, so a stored tab keeps its own.
 */
function firstVisitVariables(): string | undefined {
  try {
    return localStorage.getItem("graphiql:tabState") === null ? FIRST_TABS[0].variables : undefined;
  } catch {
    return FIRST_TABS[0].variables;
  }
}

export function Explorer() {
  const { credential } = useAuth();
  return (
    <div className="kttt-explorer">
      <header>
        <h1>KTTT Graph · Trình khám phá API</h1>
        <nav>
          <a href="/dashboard/">Bảng điều khiển</a>
        </nav>
        <Account />
      </header>
      {/* A new credential loads the schema again: what may be introspected depends on who asks. */}
      <GraphiQL
        key={credential?.value ?? "public"}
        fetcher={fetcher}
        defaultTabs={FIRST_TABS}
        initialVariables={firstVisitVariables()}
        plugins={[EXAMPLES_PLUGIN, HISTORY_PLUGIN]}
        defaultEditorToolsVisibility="variables"
      />
    </div>
  );
}
