package io.sensoretl.deploy.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.References;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.List;

/** Finds the IAM policy statements of a template: every policy of every resource, or those of one role. */
public final class Policies {
    private Policies() {}

    /** All statements: SAM {@code Policies}, IAM roles and policies, bucket and queue policies. */
    public static List<Statement> all(Template template) {
        List<Statement> out = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            String where = "Resources." + id + ".Properties";
            JsonNode p = r.path("Properties");
            switch (r.path("Type").asText()) {
                case "AWS::Serverless::Function", "AWS::Serverless::StateMachine" -> samPolicies(where, p.path("Policies"), out, null);
                case "AWS::IAM::Role" -> {
                    documents(where + ".AssumeRolePolicyDocument", p.path("AssumeRolePolicyDocument"), out);
                    rolePolicies(where, p, out);
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy",
                        "AWS::SNS::TopicPolicy" -> documents(where + ".PolicyDocument", p.path("PolicyDocument"), out);
                default -> { }
            }
        });
        return out;
    }

    /**
     * The statements granted to a SAM function's or state machine's role: its inline {@code Policies}, or
     * the policies of the {@code AWS::IAM::Role} its {@code Role} names. Entries that are not inline
     * documents (managed policy names, SAM policy templates) are reported in {@code notUnderstood}.
     */
    public static List<Statement> ofRole(Template template, String logicalId, List<String> notUnderstood) {
        List<Statement> out = new ArrayList<>();
        JsonNode p = template.resource(logicalId).orElseThrow().path("Properties");
        String where = "Resources." + logicalId + ".Properties";
        if (p.has("Role")) {
            String role = References.target(p.get("Role")).orElse(null);
            if (role == null || !"AWS::IAM::Role".equals(template.typeOf(role))) {
                notUnderstood.add(where + ".Role: not a reference to an AWS::IAM::Role of the template");
                return out;
            }
            rolePolicies("Resources." + role + ".Properties", template.resource(role).orElseThrow().path("Properties"), out);
        } else {
            samPolicies(where, p.path("Policies"), out, notUnderstood);
        }
        return out;
    }

    private static void rolePolicies(String where, JsonNode roleProperties, List<Statement> out) {
        JsonNode policies = roleProperties.path("Policies");
        for (int i = 0; i < policies.size(); i++) {
            documents(where + ".Policies[" + i + "].PolicyDocument", policies.get(i).path("PolicyDocument"), out);
        }
    }

    private static void samPolicies(String where, JsonNode policies, List<Statement> out, List<String> notUnderstood) {
        if (policies.isMissingNode()) {
            return;
        }
        List<JsonNode> list = new ArrayList<>();
        if (policies.isArray()) {
            policies.forEach(list::add);
        } else {
            list.add(policies);
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = where + ".Policies[" + i + "]";
            if (entry.has("Statement")) {
                documents(at, entry, out);
            } else if (notUnderstood != null) {
                notUnderstood.add(at + ": only inline policy documents can be cross-checked, found " + entry);
            }
        }
    }

    private static void documents(String where, JsonNode document, List<Statement> out) {
        JsonNode statements = document.path("Statement");
        if (statements.isArray()) {
            for (int i = 0; i < statements.size(); i++) {
                statement(where + ".Statement[" + i + "]", statements.get(i), out);
            }
        } else if (statements.isObject()) {
            statement(where + ".Statement", statements, out);
        }
    }

    /** A statement, or {@code Fn::If [condition, statement, statement | AWS::NoValue]}: each branch that is one. */
    private static void statement(String where, JsonNode s, List<Statement> out) {
        JsonNode branches = s.get("Fn::If");
        if (branches == null) {
            out.add(Statement.of(where, s));
            return;
        }
        String condition = branches.path(0).asText();
        for (int b = 1; b <= 2; b++) {
            JsonNode branch = branches.path(b);
            if (branch.isObject() && !branch.has("Ref")) {
                out.add(Statement.of(where + ".Fn::If[" + b + "]", branch, b == 1 ? condition : "!" + condition));
            }
        }
    }
}
