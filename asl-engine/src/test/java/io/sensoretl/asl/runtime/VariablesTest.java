package io.sensoretl.asl.runtime;

import static io.sensoretl.asl.Engines.assertJson;
import static io.sensoretl.asl.Engines.json;
import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.ExecutionResult;
import org.junit.jupiter.api.Test;

class VariablesTest {
    private final Engines engines = new Engines();

    @Test
    void assignReadsValuesFromBeforeTheState() {
        ExecutionResult r = engines.run(q("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'x':1},'Next':'B'},"
                + "'B':{'Type':'Pass','Assign':{'x':2,'old.$':'$x'},'Next':'C'},"
                + "'C':{'Type':'Pass','Parameters':{'x.$':'$x','old.$':'$old'},'End':true}}}"), "{}");
        assertJson(r.output(), json(q("{'x':2,'old':1}")));
    }

    @Test
    void branchesReadOuterVariablesButTheirAssignmentsStayInside() {
        ExecutionResult r = engines.run(q("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'x':'outer'},'Next':'P'},"
                + "'P':{'Type':'Parallel','Branches':[{'StartAt':'B','States':{'B':{'Type':'Pass','Assign':{'x':'inner'},"
                + "'Next':'B2'},'B2':{'Type':'Pass','Parameters':{'seen.$':'$x'},'End':true}}}],'Next':'C'},"
                + "'C':{'Type':'Pass','Parameters':{'branch.$':'$[0].seen','after.$':'$x'},'End':true}}}"), "{}");
        assertJson(r.output(), json(q("{'branch':'inner','after':'outer'}")));
    }

    @Test
    void mapIterationsDoNotSeeEachOthersAssignments() {
        ExecutionResult r = engines.run(q("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,"
                + "'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','Assign':{'last.$':'$'},'Next':'J'},"
                + "'J':{'Type':'Pass','Parameters':{'mine.$':'$last'},'End':true}}},'End':true}}}"), "[1,2]");
        assertJson(r.output(), json(q("[{'mine':1},{'mine':2}]")));
    }

    @Test
    void distributedChildrenStartWithoutTheParentsVariables() {
        ExecutionResult r = engines.run(q("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'x':1},'Next':'M'},"
                + "'M':{'Type':'Map','ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                + "'StartAt':'I','States':{'I':{'Type':'Pass','Parameters':{'x.$':'$x'},'End':true}}},'End':true}}}"), "[1]");
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void catcherAssignSeesTheErrorOutput() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'F',"
                + "'States':{'F':{'Type':'Fail','Error':'Oops','Cause':'c'}}}],'Catch':[{'ErrorEquals':['States.ALL'],"
                + "'Assign':{'err.$':'$.Error'},'ResultPath':null,'Next':'D'}],'End':true},"
                + "'D':{'Type':'Pass','Parameters':{'err.$':'$err'},'End':true}}}"), "{}");
        assertJson(r.output(), json(q("{'err':'Oops'}")));
    }
}
