import {
  type CircuitSnapshot,
  type CreateServicePolicyInput,
  createServicePolicy,
  type ServicePolicy,
} from "@/lib/resilience/create-service-policy";
import {
  defaultServicePolicyOptions,
  type ResilientService,
  type ServicePolicyOptions,
} from "@/lib/resilience/service-policy-options";

type PolicyRegistry = Map<string, ServicePolicy>;

// One breaker per service (and target) per process, shared by every caller: a breaker
// per request never opens. On globalThis so dev reloads and health see the same ones.
const globalForPolicies = globalThis as unknown as {
  faultlineServicePolicies?: PolicyRegistry;
  faultlineServicePolicyOptions?: Partial<Record<ResilientService, ServicePolicyOptions>>;
};

function getRegistry(): PolicyRegistry {
  globalForPolicies.faultlineServicePolicies ??= new Map();
  return globalForPolicies.faultlineServicePolicies;
}

function registryKey(service: ResilientService, target: string): string {
  return `${service}\u0000${target}`;
}

/**
 * The process-wide policy for a service, created with the service's default options on
 * first use. `target` separates independent endpoints of one service (each trader's
 * webhook host), so one dead receiver cannot cut everyone else off.
 */
export function getServicePolicy(
  input: Omit<CreateServicePolicyInput, "options"> & { target?: string },
): ServicePolicy {
  const { target = "default", ...rest } = input;
  const registry = getRegistry();
  const key = registryKey(input.service, target);
  let policy = registry.get(key);
  if (!policy) {
    const options =
      globalForPolicies.faultlineServicePolicyOptions?.[input.service] ??
      defaultServicePolicyOptions[input.service];
    policy = createServicePolicy({ ...rest, options });
    registry.set(key, policy);
  }
  return policy;
}

// For tests: test-sized numbers with the production wiring (the caller's transient rule
// and the system-error log); drops the service's existing breakers.
export function setServicePolicyOptions(
  service: ResilientService,
  options: ServicePolicyOptions,
): void {
  globalForPolicies.faultlineServicePolicyOptions = {
    ...globalForPolicies.faultlineServicePolicyOptions,
    [service]: options,
  };
  const prefix = registryKey(service, "");
  for (const key of getRegistry().keys()) {
    if (key.startsWith(prefix)) getRegistry().delete(key);
  }
}

// For tests: install a policy with small numbers before anything asks for the service.
export function setServicePolicy(
  service: ResilientService,
  policy: ServicePolicy,
  target = "default",
): void {
  getRegistry().set(registryKey(service, target), policy);
}

export type ServiceCircuitSummary = CircuitSnapshot & {
  /** Targets whose circuit is not closed (one per webhook host, else 0 or 1). */
  openTargets: number;
};

const severityOf = { closed: 0, half_open: 1, open: 2 } as const;

/**
 * For health: the worst circuit of a service across its targets, closed when the
 * service has not been called in this process yet.
 */
export function getServiceCircuitSummary(service: ResilientService): ServiceCircuitSummary {
  const prefix = registryKey(service, "");
  let worst: CircuitSnapshot = {
    state: "closed",
    retryAfterSeconds: null,
    openedAt: null,
    lastFailure: null,
  };
  let openTargets = 0;
  for (const [key, policy] of getRegistry()) {
    if (!key.startsWith(prefix)) continue;
    const snapshot = policy.getState();
    if (snapshot.state !== "closed") openTargets += 1;
    if (severityOf[snapshot.state] > severityOf[worst.state]) worst = snapshot;
  }
  return { ...worst, openTargets };
}
