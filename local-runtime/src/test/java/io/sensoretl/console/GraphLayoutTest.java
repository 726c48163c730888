package io.sensoretl.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.json.Json;
import io.sensoretl.console.GraphLayout.Box;
import io.sensoretl.console.GraphLayout.Edge;
import io.sensoretl.console.GraphLayout.EdgeKind;
import io.sensoretl.console.GraphLayout.Layout;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
    private static final Layout ORDERS = GraphLayout.of(Json.parse(ConsoleFixture.ORDERS));

    @Test
    void statesFollowTheirTransitionsDownward() {
        Box prepare = ORDERS.box("Prepare");
        Box fan = ORDERS.box("Fan");
        Box done = ORDERS.box("Done");
        assertThat(prepare.y() + prepare.height()).isLessThan(fan.y());
        assertThat(fan.y() + fan.height()).isLessThan(done.y());
        assertThat(ORDERS.height()).isEqualTo(done.y() + done.height());
    }

    @Test
    void aParallelHoldsItsBranchesSideBySideAndAMapItsItemProcessor() {
        Box fan = ORDERS.box("Fan");
        Box items = ORDERS.box("Items");
        assertThat(fan.container()).isTrue();
        assertThat(items.container()).isTrue();
        for (String inner : List.of("Check", "Fallback", "Items")) {
            assertThat(fan.contains(ORDERS.box(inner))).as(inner + " inside Fan").isTrue();
            assertThat(ORDERS.box(inner).depth()).isEqualTo(1);
        }
        assertThat(items.contains(ORDERS.box("Work"))).isTrue();
        assertThat(ORDERS.box("Work").depth()).isEqualTo(2);
        // the branches side by side: the Map's branch is right of the Check branch, without overlap
        assertThat(ORDERS.box("Check").x() + ORDERS.box("Check").width()).isLessThan(items.x());
        assertThat(ORDERS.box("Fallback").y()).isGreaterThan(ORDERS.box("Check").y());
        assertThat(ORDERS.box("Prepare").contains(ORDERS.box("Check"))).isFalse();
    }

    @Test
    void everyTransitionIsAnEdgeOfItsKind() {
        assertThat(ORDERS.edges()).contains(new Edge("Prepare", "Fan", EdgeKind.NEXT, "", false),
                new Edge("Fan", "Done", EdgeKind.NEXT, "", false),
                new Edge("Check", "Fallback", EdgeKind.CATCH, "Catch States.ALL", false));
    }

    @Test
    void choicesDefaultsAndLoopsAreLabelledAndLoopsGoBack() {
        Layout l = GraphLayout.of(Json.parse("""
                {"StartAt":"Poll","States":{
                  "Poll":{"Type":"Pass","Next":"Ready?"},
                  "Ready?":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Go"},
                     {"Variable":"$.n","NumericGreaterThan":9,"Next":"Give up"}],"Default":"Poll"},
                  "Go":{"Type":"Succeed"},"Give up":{"Type":"Fail"},"Orphan":{"Type":"Pass","End":true}}}"""));
        assertThat(l.edges()).containsExactly(new Edge("Poll", "Ready?", EdgeKind.NEXT, "", false),
                new Edge("Ready?", "Go", EdgeKind.CHOICE, "rule 1", false),
                new Edge("Ready?", "Give up", EdgeKind.CHOICE, "rule 2", false),
                new Edge("Ready?", "Poll", EdgeKind.DEFAULT, "Default", true));
        // the two Choice targets share a layer, side by side; a state nothing reaches goes below
        assertThat(l.box("Go").y()).isEqualTo(l.box("Give up").y());
        assertThat(l.box("Go").x() + l.box("Go").width()).isLessThan(l.box("Give up").x());
        assertThat(l.box("Orphan").y()).isGreaterThan(l.box("Go").y());
    }

    @Test
    void noTwoBoxesOfTheSameGraphOverlap() {
        List<Box> boxes = ORDERS.boxes();
        for (Box a : boxes) {
            for (Box b : boxes) {
                if (a != b && !a.contains(b) && !b.contains(a)) {
                    boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                            || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                    assertThat(apart).as(a.name() + " and " + b.name()).isTrue();
                }
            }
        }
    }

    @Test
    void theSvgColoursEachStateAndEscapesItsName() {
        String svg = GraphSvg.draw(GraphLayout.of(Json.parse("""
                {"StartAt":"<img src=x onerror=alert(1)>","States":{"<img src=x onerror=alert(1)>":
                  {"Type":"Pass","End":true}}}""")), java.util.Map.of("<img src=x onerror=alert(1)>",
                StateStatus.SUCCEEDED));
        assertThat(svg).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("class=\"state st-succeeded\"").contains("data-status=\"SUCCEEDED\"");
    }
}
