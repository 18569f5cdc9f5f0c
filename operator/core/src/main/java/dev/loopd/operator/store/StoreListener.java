package dev.loopd.operator.store;

/** Told about every change to a {@link Store}. */
@FunctionalInterface
public interface StoreListener {

  /** What kind of object changed. */
  enum Kind {
    TENANT,
    TOKEN,
    POOL,
    HANDLER
  }

  /**
   * An object was created, updated or deleted; read the store for its new state.
   *
   * @param tenant the owning tenant (the token's tenant; for TENANT, the tenant itself)
   * @param name the object's name (a token's id)
   */
  void changed(Kind kind, String tenant, String name);
}
