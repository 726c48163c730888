package io.sensoretl.deploy.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CfnYamlTest {

    @Test
    void shortFormIntrinsicsBecomeTheirLongForms() {
        JsonNode t = CfnYaml.parse("""
                Resources:
                  A:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Ref Name
                      Other: !GetAtt Queue.Arn
                      Nested: !GetAtt Db.Endpoint.Address
                      Joined: !Join ["-", [!Ref AWS::StackName, x]]
                      Sub: !Sub "${A.Arn}/runs/*"
                      SubList: !Sub ["${x}", {x: !Ref Name}]
                      Choice: !If [Cond, 1, !Ref AWS::NoValue]
                      Cond: !Not [!Equals [!Ref P, ""]]
                """, "t.yaml");
        JsonNode p = t.path("Resources").path("A").path("Properties");
        assertThat(p.path("BucketName").toString()).isEqualTo("{\"Ref\":\"Name\"}");
        assertThat(p.path("Other").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}");
        assertThat(p.path("Nested").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Db\",\"Endpoint.Address\"]}");
        assertThat(p.path("Joined").toString()).isEqualTo("{\"Fn::Join\":[\"-\",[{\"Ref\":\"AWS::StackName\"},\"x\"]]}");
        assertThat(p.path("Sub").toString()).isEqualTo("{\"Fn::Sub\":\"${A.Arn}/runs/*\"}");
        assertThat(p.path("SubList").toString()).isEqualTo("{\"Fn::Sub\":[\"${x}\",{\"x\":{\"Ref\":\"Name\"}}]}");
        assertThat(p.path("Choice").toString()).isEqualTo("{\"Fn::If\":[\"Cond\",1,{\"Ref\":\"AWS::NoValue\"}]}");
        assertThat(p.path("Cond").toString()).isEqualTo("{\"Fn::Not\":[{\"Fn::Equals\":[{\"Ref\":\"P\"},\"\"]}]}");
    }

    @Test
    void getAttWithoutAttributeIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> CfnYaml.parse("A: !GetAtt Queue\n", "bad.yaml"))
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("!GetAtt expects Resource.Attribute, found 'Queue'")
                .hasMessageContaining("line 1");
    }

    @Test
    void duplicateKeysAndNonMappingDocumentsAreRejected() {
        assertThatThrownBy(() -> CfnYaml.parse("A: 1\nA: 2\n", "dup.yaml")).hasMessageContaining("dup.yaml")
                .hasMessageContaining("duplicate key A");
        assertThatThrownBy(() -> CfnYaml.parse("- a\n", "list.yaml"))
                .hasMessage("list.yaml: a template is a YAML mapping, found ArrayList");
    }
}
