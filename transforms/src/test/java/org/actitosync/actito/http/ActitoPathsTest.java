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
    // v5 ETL routes have no classic form
    assertEquals("/mass-imports/v5/entities/demo/etls/12/trigger-execution", classic.etlTrigger("12"));
    assertEquals("/mass-imports/v5/entities/demo/etl-executions/7", classic.etlExecution("7"));
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
    assertEquals("/mass-imports/v5/entities/demo/etls/a%2Fb", prefixed.etl("a/b"));
    assertEquals("/mass-imports/v5/entities/demo/etls/3/trigger-execution", prefixed.etlTrigger("3"));
    assertEquals("/mass-imports/v5/entities/demo/etl-executions", prefixed.etlExecutions());
    assertEquals("/mass-imports/v5/entities/demo/etl-executions/9", prefixed.etlExecution("9"));
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
        PathStyles.classic().toBuilder().setProfiles(PathStyle.PREFIXED).build());
    assertEquals("/v4/entity/my%20entity/customTable/t/record", mixed.records("t"));
    assertEquals("/profiles/v4/entity/my%20entity/table/c/profile", mixed.profiles("c"));
    assertEquals("/mass-imports/v5/entities/my%20entity/etl-executions", mixed.etlExecutions());
    ActitoPaths profilesOnlyClassic = new ActitoPaths("demo",
        PathStyles.builder().setProfiles(PathStyle.CLASSIC).build());
    assertEquals("/v4/entity/demo/table/c/profile", profilesOnlyClassic.profiles("c"));
    assertEquals("/custom-data/v4/entity/demo/customTable/t/record", profilesOnlyClassic.records("t"));
  }
}
