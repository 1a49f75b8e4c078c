/**
 * The bridge from the provider port (@efapiao/provider) to the calls the workflow makes. The port answers
 * every call with an outcome value; the workflow needs to know which outcomes may hide an effect:
 *
 * | port outcome | workflow |
 * |---|---|
 * | issued / pending | issued / pending |
 * | unknown (timeout, reset, unreadable answer) | ambiguous failure → resolved by query |
 * | rejected duplicate / seal-failed / not-found | duplicate / seal-failed / not-found |
 * | rejected refused (not retryable) | rejected, final |
 * | rejected credentials / unsupported | definite failure |
 * | rejected limit, or retryable | ambiguous failure → queried, sent again only if never received |
 */
import type { Invoice } from "@efapiao/model";
import {
  type CallOutcome,
  hasRedLetter,
  type IssueOutcome as PortOutcome,
  type Provider,
  type RedForm,
  type RedFormApplication,
} from "@efapiao/provider";
import {
  type IssueOutcome,
  type IssueRequest,
  type IssuingProvider,
  ProviderFailure,
  type RedFormAction,
  type RedFormOutcome,
  type RedFormRequest,
  type RedFormState,
} from "./provider.js";

/**
 * Wraps a provider of the port for the {@link Issuer} and {@link RedLetter}.
 * @example
 * const issuer = new Issuer({ store, provider: fromProvider(createNuonuoProvider(credentials)) });
 */
export function fromProvider(port: Provider): IssuingProvider {
  const red = () => {
    if (!hasRedLetter(port))
      throw new ProviderFailure("definite", `${port.id} does not offer red-letter forms`);
    return port.redLetter;
  };
  return {
    name: port.id,
    async issue(request: IssueRequest) {
      if (!request.red)
        return issueOutcome(await port.issue({ requestKey: request.requestKey, invoice: request.invoice }));
      const { originalNumber, originalIssueDate, formId, reason, originalLineIndexes } = request.red;
      return issueOutcome(
        await red().issueRed({
          requestKey: request.requestKey,
          invoice: request.invoice,
          red: { originalNumber, originalIssueDate, formUuid: formId, reason, originalLineIndexes },
        }),
      );
    },
    async query(requestKey) {
      return issueOutcome(await port.query(requestKey));
    },
    ...(port.queryMany && {
      async queryMany(requestKeys: readonly string[]) {
        const outcomes = await port.queryMany!(requestKeys);
        return outcomes.map((outcome) => {
          try {
            return issueOutcome(outcome);
          } catch (failure) {
            if (failure instanceof ProviderFailure) return failure;
            throw failure;
          }
        });
      },
    }),
    async reseal(requestKey) {
      if (!port.reseal) throw new ProviderFailure("definite", `${port.id} cannot re-seal`);
      return issueOutcome(await port.reseal(requestKey));
    },
    async applyRedForm(request) {
      return formOutcome(await red().applyForm(application(request)));
    },
    async queryRedForm(request) {
      // Nuonuo and Baiwang key an application by the caller's id: applying again under the same key answers
      // the form applied for first, so a lost answer is read back exactly.
      if (port.formApplicationsByKey) return formOutcome(await red().applyForm(application(request)));
      // 乐企's applications carry no key: the form of this request is the live one raised for this blue
      // invoice, for the same reason and amounts. Two such forms cannot be told apart: that is left unsettled.
      const day = request.invoice.issueDate;
      const listed = await red().listForms({
        from: shiftDay(day, -3),
        to: shiftDay(day, 1),
        originalNumber: request.blueNumber,
      });
      if (listed.status !== "ok") return formOutcome(listed);
      const matches = listed.value.filter(
        (f) =>
          f.amount === request.invoice.totals.amount &&
          f.tax === request.invoice.totals.tax &&
          (f.reason === undefined || f.reason === request.reason) &&
          ["01", "02", "03", "04"].includes(f.state),
      );
      if (matches.length > 1) {
        throw new ProviderFailure(
          "ambiguous",
          `${matches.length} live red-letter forms of ${request.blueNumber} have the same reason and amounts (${matches.map((f) => f.uuid).join(", ")}): which one this application raised cannot be told`,
        );
      }
      const match = matches[0];
      return match
        ? { status: "ok", formId: match.uuid, state: match.state as RedFormState }
        : { status: "not-found" };
    },
    async operateRedForm(formId: string, action: RedFormAction) {
      const capability = red();
      const call = {
        confirm: capability.confirmForm,
        refuse: capability.refuseForm,
        cancel: capability.cancelForm,
      }[action];
      return formOutcome(await call.call(capability, { uuid: formId }));
    },
  };
}

function issueOutcome(outcome: PortOutcome): IssueOutcome {
  switch (outcome.status) {
    case "issued":
      return { status: "issued", number: outcome.number, issuedAt: outcome.issuedAt };
    case "pending":
      return { status: "pending" };
    case "unknown":
      throw new ProviderFailure("ambiguous", messageOf(outcome.diagnostics));
    default:
      switch (outcome.reason) {
        case "duplicate":
          return { status: "duplicate" };
        case "seal-failed":
          return { status: "seal-failed" };
        case "not-found":
          return { status: "not-found" };
        case "credentials":
        case "unsupported":
          throw new ProviderFailure(
            "definite",
            messageOf(outcome.diagnostics),
            outcome.diagnostics[0]?.providerCode,
          );
        default:
          if (outcome.reason === "limit" || outcome.retryable) {
            throw new ProviderFailure(
              "ambiguous",
              messageOf(outcome.diagnostics),
              outcome.diagnostics[0]?.providerCode,
            );
          }
          return { status: "rejected", diagnostics: outcome.diagnostics };
      }
  }
}

function formOutcome(outcome: CallOutcome<RedForm> | CallOutcome<RedForm[]>): RedFormOutcome {
  if (outcome.status === "unknown") throw new ProviderFailure("ambiguous", messageOf(outcome.diagnostics));
  if (outcome.status === "rejected") {
    if (outcome.reason === "not-found") return { status: "not-found" };
    if (
      outcome.reason === "credentials" ||
      outcome.reason === "unsupported" ||
      outcome.retryable ||
      outcome.reason === "limit"
    ) {
      throw new ProviderFailure(outcome.retryable ? "ambiguous" : "definite", messageOf(outcome.diagnostics));
    }
    return { status: "rejected", diagnostics: outcome.diagnostics };
  }
  const form = outcome.value as RedForm;
  return { status: "ok", formId: form.uuid, state: form.state as RedFormState };
}

function application(request: RedFormRequest): RedFormApplication {
  const { blue, invoice } = request;
  return {
    requestKey: request.requestKey,
    initiator: "seller",
    originalNumber: request.blueNumber,
    originalIssueDate: blue.issueDate,
    originalKind: blue.kind,
    originalAmount: blue.totals.amount,
    originalTax: blue.totals.tax,
    reason: request.reason,
    seller: { taxId: blue.seller.taxId, name: blue.seller.name },
    buyer: { name: blue.buyer.name, ...(blue.buyer.taxId && { taxId: blue.buyer.taxId }) },
    amount: invoice.totals.amount,
    tax: invoice.totals.tax,
    lines: invoice.lines.map((line, k) => formLine(line, request.originalLineIndexes[k] ?? line.index)),
  };
}

function formLine(
  line: Invoice["lines"][number],
  originalIndex: number,
): RedFormApplication["lines"][number] {
  return {
    originalIndex,
    itemName: line.itemName,
    code: line.code,
    ...(line.spec && { spec: line.spec }),
    ...(line.unit && { unit: line.unit }),
    ...(line.quantity && { quantity: line.quantity }),
    ...(line.unitPrice && { unitPrice: line.unitPrice }),
    amount: line.amount,
    taxRate: line.taxRate,
    tax: line.tax,
  };
}

function messageOf(diagnostics: readonly { messageEn: string; providerCode?: string }[]): string {
  return diagnostics.map((d) => d.messageEn).join("; ") || "no answer";
}

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
