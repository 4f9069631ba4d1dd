package org.actitosync.actito.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.actitosync.actito.PathStyle;
import org.actitosync.actito.PathStyles;
import org.junit.jupiter.api.Test;

class ActitoPathsTest {
  private final ActitoPaths classic = new ActitoPaths("demo", PathStyles.classic());
  private final ActitoPaths prefixed = new ActitoPaths("demo", PathStyles.prefixed());

  @Test
  void escapingIsStrict() {
    assertEquals("a%20b", PathEscaper.escape("a b"));
    assertEquals("a%2Fb", PathEscaper.escape("a/b"));
    assertEquals("a%3Db", PathEscaper.escape("a=b"));
    assertEquals("a%2Bb", PathEscaper.escape("a+b"));
    assertEquals("caf%C3%A9", PathEscaper.escape("café"));
    assertEquals("%3F%23%25%26", PathEscaper.escape("?#%&"));
    assertEquals("Az09-_.~", PathEscaper.escape("Az09-_.~"));
  }

  @Test
  void classicPaths() {
    assertEquals("/v4/entity/demo/customTable/orders/record", classic.records("orders"));
    assertEquals("/v4/entity/demo/customTable/orders/record/o%201%2F%3D%C3%A9%2B",
        classic.record("orders", "o 1/=é+"));
    assertEquals("/v5/entities/demo/custom-tables/orders", classic.customTable("orders"));
    assertEquals("/v5/entities/demo/custom-tables/orders/change-requests",
        classic.changeRequests("orders"));
    assertEquals("/v5/entities/demo/profile-tables/16", classic.profileTable("16"));
    assertEquals("/v4/entity/demo/table/customers/profile", classic.profiles("customers"));
    assertEquals("/v4/entity/demo/table/customers/profile/emailAddress=a%2Bb%40x.com",
        classic.profileByAttribute("customers", "emailAddress", "a+b@x.com"));
    assertEquals("/v4/entity/demo/customTable/orders/import", classic.customTableImport("orders"));
    assertEquals("/v4/entity/demo/table/customers/import", classic.profileTableImport("customers"));
    assertEquals("/v4/entity/demo/import/12/result", classic.importResult(12));
    assertEquals("/v4/entity/demo/import/12/result-file", classic.importResultFile(12));
  }

  @Test
  void prefixedPaths() {
    assertEquals("/custom-data/v4/entity/demo/customTable/orders/record/k",
        prefixed.record("orders", "k"));
    assertEquals("/custom-table-structure/v5/entities/demo/custom-tables/orders",
        prefixed.customTable("orders"));
    assertEquals("/profile-table-structure/v5/entities/demo/profile-tables/16",
        prefixed.profileTable("16"));
    assertEquals("/profiles/v4/entity/demo/table/customers/profile", prefixed.profiles("customers"));
    assertEquals("/profiles/v4/entity/demo/table/customers/profile/emailAddress=a%2Bb%40x.com",
        prefixed.profileByAttribute("customers", "emailAddress", "a+b@x.com"));
    assertEquals("/mass-imports/v4/entity/demo/customTable/orders/import",
        prefixed.customTableImport("orders"));
    assertEquals("/mass-imports/v4/entity/demo/import/3/result", prefixed.importResult(3));
  }

  @Test
  void defaultIsEveryFamilyPrefixed() {
    assertEquals(PathStyles.all(PathStyle.PREFIXED), PathStyles.builder().build());
    assertEquals(PathStyles.all(PathStyle.PREFIXED), PathStyles.prefixed());
    assertEquals(PathStyles.all(PathStyle.CLASSIC), PathStyles.classic());
  }

  @Test
  void stylePerFamily() {
    ActitoPaths mixed = new ActitoPaths("my entity",
        PathStyles.classic().toBuilder().setMassImports(PathStyle.PREFIXED).build());
    assertEquals("/v4/entity/my%20entity/customTable/t/record", mixed.records("t"));
    assertEquals("/mass-imports/v4/entity/my%20entity/import/1/result", mixed.importResult(1));
    ActitoPaths profilesOnlyClassic = new ActitoPaths("demo",
        PathStyles.builder().setProfiles(PathStyle.CLASSIC).build());
    assertEquals("/v4/entity/demo/table/c/profile", profilesOnlyClassic.profiles("c"));
    assertEquals("/custom-data/v4/entity/demo/customTable/t/record", profilesOnlyClassic.records("t"));
  }
}
