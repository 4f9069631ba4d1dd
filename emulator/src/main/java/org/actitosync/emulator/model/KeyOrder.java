package org.actitosync.emulator.model;

import java.math.BigDecimal;
import java.util.Comparator;

/** Orders stored values: numbers numerically, booleans false first, everything else by its text. */
public final class KeyOrder implements Comparator<Object> {
  public static final KeyOrder INSTANCE = new KeyOrder();

  private KeyOrder() {
  }

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }
}
