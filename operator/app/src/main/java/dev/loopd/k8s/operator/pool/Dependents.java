package dev.loopd.k8s.operator.pool;

/** Names of the LoopPool workflow's dependents (also their event sources' names). */
final class Dependents {
  static final String SERVICE_ACCOUNT = "service-account";
  static final String DEPLOYMENT = "deployment";
  static final String SERVICE = "service";
  static final String PDB_V1 = "pdb-v1";
  static final String PDB_V1BETA1 = "pdb-v1beta1";

  private Dependents() {}
}
