package io.sensoretl.cli.executions;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.cli.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.ListMapRunsResponse;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;

/**
 * Executions of a deployed state machine, through the Step Functions API: ListExecutions,
 * DescribeExecution, GetExecutionHistory (every page), ListMapRuns and DescribeMapRun.
 */
public final class AwsExecutions implements ExecutionSource {
    private static final int PAGE = 1000;

    private final SfnClient sfn;
    private final String stateMachineArn;

    /** @param stateMachineArn needed to list, and to show an execution given by name; may be null otherwise */
    public AwsExecutions(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public List<ExecutionSummary> list(int max, String status) {
        List<ExecutionSummary> out = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(requireStateMachine("list executions"))
                    .maxResults(Math.min(PAGE, max - out.size()))
                    .statusFilter(status)
                    .nextToken(from));
            for (ExecutionListItem e : page.executions()) {
                out.add(new ExecutionSummary(e.name(), e.executionArn(), e.stateMachineArn(), e.statusAsString(),
                        iso(e.startDate()), iso(e.stopDate())));
            }
            token = page.nextToken();
        } while (token != null && out.size() < max);
        return out;
    }

    @Override
    public Optional<ExecutionDetail> show(String nameOrArn) {
        String arn = nameOrArn.startsWith("arn:") ? nameOrArn : executionArn(nameOrArn);
        DescribeExecutionResponse d;
        try {
            d = sfn.describeExecution(b -> b.executionArn(arn));
        } catch (ExecutionDoesNotExistException e) {
            return Optional.empty();
        }
        ExecutionSummary summary = new ExecutionSummary(d.name(), d.executionArn(), d.stateMachineArn(),
                d.statusAsString(), iso(d.startDate()), iso(d.stopDate()));
        return Optional.of(new ExecutionDetail(summary, parse(d.input()), parse(d.output()), d.error(), d.cause(),
                history(arn), mapRuns(arn)));
    }

    private List<JsonNode> history(String executionArn) {
        List<JsonNode> events = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(executionArn)
                    .maxResults(PAGE).includeExecutionData(true).nextToken(from));
            for (HistoryEvent e : page.events()) {
                events.add(SdkJson.of(e));
            }
            token = page.nextToken();
        } while (token != null);
        return events;
    }

    private List<JsonNode> mapRuns(String executionArn) {
        List<JsonNode> runs = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListMapRunsResponse page = sfn.listMapRuns(b -> b.executionArn(executionArn).maxResults(PAGE).nextToken(from));
            for (MapRunListItem run : page.mapRuns()) {
                runs.add(SdkJson.of(sfn.describeMapRun(b -> b.mapRunArn(run.mapRunArn()))));
            }
            token = page.nextToken();
        } while (token != null);
        return runs;
    }

    /** arn:aws:states:r:a:stateMachine:M + name -> arn:aws:states:r:a:execution:M:name */
    private String executionArn(String name) {
        String machine = requireStateMachine("find execution '" + name + "' by name (or pass its ARN)");
        int at = machine.indexOf(":stateMachine:");
        if (at < 0) {
            throw new UserError("--state-machine-arn " + machine + " is not a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>)");
        }
        return machine.substring(0, at) + ":execution:" + machine.substring(at + ":stateMachine:".length()) + ":" + name;
    }

    private String requireStateMachine(String toDo) {
        if (stateMachineArn == null || stateMachineArn.isBlank()) {
            throw new UserError("to " + toDo + " on AWS, pass --state-machine-arn (the stack output StateMachineArn)"
                    + " or set " + ExecutionsOptions.STATE_MACHINE_ENV);
        }
        return stateMachineArn;
    }

    private static String iso(java.time.Instant i) {
        return i == null ? null : i.toString();
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.parse(json);
        } catch (IllegalArgumentException notJson) {
            return Json.text(json);
        }
    }
}
